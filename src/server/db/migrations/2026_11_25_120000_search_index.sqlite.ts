import { type Kysely, sql } from "kysely";

/**
 * SQLite half of the search index migration: FTS5 tables with accent- and case-folding
 * (`unicode61 remove_diacritics 2`) and prefix indexes for 2 and 3 characters, so a search
 * as you type reads one index term range. Stemming is done at query time (see the search
 * module's query.ts): FTS5 only has an English stemmer, and a JS stemmer cannot run in a trigger.
 */
const TOKENIZE = `tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'`;

/** Tickets and articles: external content (the text stays in its table), refreshed by triggers. */
export function externalContent(table: string, fts: string, columns: string[]): string[] {
  const list = columns.join(", ");
  const news = columns.map((c) => `new.${c}`).join(", ");
  const olds = columns.map((c) => `old.${c}`).join(", ");
  const remove = `insert into ${fts}(${fts}, rowid, ${list}) values ('delete', old.id, ${olds});`;
  const add = `insert into ${fts}(rowid, ${list}) values (new.id, ${news});`;
  return [
    `create virtual table ${fts} using fts5(${list}, content = '${table}', content_rowid = 'id', ${TOKENIZE})`,
    `create trigger ${fts}_ai after insert on ${table} begin ${add} end`,
    `create trigger ${fts}_ad after delete on ${table} begin ${remove} end`,
    `create trigger ${fts}_au after update of ${list} on ${table} begin ${remove} ${add} end`,
    `insert into ${fts}(${fts}) values ('rebuild')`,
  ];
}

/** Users: a copy of the searchable fields (name, login, email, both phones as typed and as digits). */
const USER_ROW = `select u.id, u.first_name || ' ' || u.last_name, u.login, coalesce(u.email, ''),
  coalesce(u.phone, '') || ' ' || coalesce(u.mobile, '') || ' ' || coalesce(u.phone_digits, '') || ' ' || coalesce(u.mobile_digits, '')
  from app_user u`;

function userIndex(): string[] {
  const refill = (id: string) => `delete from search_user where rowid = ${id};
    insert into search_user(rowid, name, login, email, phone) ${USER_ROW} where u.id = ${id};`;
  return [
    `create virtual table search_user using fts5(name, login, email, phone, ${TOKENIZE})`,
    `create trigger search_user_ai after insert on app_user begin ${refill("new.id")} end`,
    `create trigger search_user_au after update of first_name, last_name, login, email, phone, mobile, phone_digits, mobile_digits
      on app_user begin ${refill("new.id")} end`,
    `create trigger search_user_ad after delete on app_user begin delete from search_user where rowid = old.id; end`,
    `insert into search_user(rowid, name, login, email, phone) ${USER_ROW}`,
  ];
}

/**
 * Assets: name, tag, serial, and what the last inventory said of the network (host name, MAC
 * and IPv4 addresses). json_valid guards the trigger: bad JSON must never fail an inventory.
 */
const ASSET_ROW = `select a.id, a.name, a.asset_tag, coalesce(a.serial, ''),
  coalesce(ai.hostname, '') || ' ' || coalesce(case when json_valid(ai.details) then (
    select group_concat(coalesce(n.value ->> '$.mac', '') || ' ' || coalesce((select group_concat(i.value, ' ')
      from json_each(n.value, '$.ipv4') i), ''), ' ')
    from json_each(ai.details, '$.networks') n) end, '')
  from asset a left join asset_inventory ai on ai.asset_id = a.id`;

function assetIndex(): string[] {
  const refill = (id: string) => `delete from search_asset where rowid = ${id};
    insert into search_asset(rowid, name, tag, serial, net) ${ASSET_ROW} where a.id = ${id};`;
  return [
    `create virtual table search_asset using fts5(name, tag, serial, net, ${TOKENIZE})`,
    `create trigger search_asset_ai after insert on asset begin ${refill("new.id")} end`,
    `create trigger search_asset_au after update of name, asset_tag, serial on asset begin ${refill("new.id")} end`,
    `create trigger search_asset_ad after delete on asset begin delete from search_asset where rowid = old.id; end`,
    `create trigger search_asset_inv_ai after insert on asset_inventory begin ${refill("new.asset_id")} end`,
    `create trigger search_asset_inv_au after update of hostname, details on asset_inventory begin ${refill("new.asset_id")} end`,
    `create trigger search_asset_inv_ad after delete on asset_inventory begin ${refill("old.asset_id")} end`,
    `insert into search_asset(rowid, name, tag, serial, net) ${ASSET_ROW}`,
  ];
}

const ARTICLE_COLUMNS = ["title", "body", "symptom", "cause", "workaround", "fix"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sqliteSearchUp(db: Kysely<any>): Promise<void> {
  const statements = [
    ...externalContent("ticket", "search_ticket", ["title", "description"]),
    ...externalContent("kb_article", "search_article", ARTICLE_COLUMNS),
    ...userIndex(),
    ...assetIndex(),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sqliteSearchDown(db: Kysely<any>): Promise<void> {
  // Dropping a table drops its triggers; the FTS tables' triggers live on the indexed tables.
  const triggers = ["search_ticket_ai", "search_ticket_ad", "search_ticket_au", "search_article_ai", "search_article_ad",
    "search_article_au", "search_user_ai", "search_user_au", "search_user_ad", "search_asset_ai", "search_asset_au",
    "search_asset_ad", "search_asset_inv_ai", "search_asset_inv_au", "search_asset_inv_ad"];
  for (const t of triggers) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  for (const t of ["search_ticket", "search_article", "search_user", "search_asset"]) await sql.raw(`drop table if exists ${t}`).execute(db);
}
