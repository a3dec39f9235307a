import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.js";

describe("htmlToText", () => {
  it("keeps the text and the line structure of blocks, lists and line breaks", () => {
    const html = "<div>Bonjour,<br>voici la liste :</div><ul><li>écran</li><li>clavier</li></ul><p>Merci</p>";
    expect(htmlToText(html)).toBe("Bonjour,\nvoici la liste :\n\n- écran\n- clavier\n\nMerci");
  });

  it("drops scripts, styles, comments, head and images, and decodes entities into plain characters", () => {
    const html = "<html><head><title>t</title><style>p{}</style></head><body><!-- secret --><script>alert(1)</script>" +
      "<p>5 &lt; 6 &amp;&nbsp;&quot;ok&quot; l&#39;écran</p><img src=\"https://t.example/p.gif\" alt=\"pixel\"></body></html>";
    expect(htmlToText(html)).toBe("5 < 6 & \"ok\" l'écran");
    expect(htmlToText("<p>&eacute;t&#233; 10&#8364; &hellip; &amp;lt; <a href='https://x.example/?a=1&amp;b=2'>lien</a></p>"))
      .toBe("été 10€ … &lt; lien [https://x.example/?a=1&b=2]");
  });

  it("shows a link's address unless the text already is the address", () => {
    expect(htmlToText('<a href="https://x.example/a">le dossier</a>')).toBe("le dossier [https://x.example/a]");
    expect(htmlToText('<a href="https://x.example/a">https://x.example/a</a>')).toBe("https://x.example/a");
    expect(htmlToText('<a href="javascript:alert(1)">clic</a>')).toBe("clic");
  });

  it("stays fast on hostile input: unclosed links and very deep nesting", () => {
    const started = Date.now();
    expect(htmlToText('<a href="https://x.example/">x '.repeat(50_000))).toContain("x x");
    expect(htmlToText("<div>".repeat(20_000) + "fond" + "</div>".repeat(20_000))).toBe("fond");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
