/** Common French names, accents and particles included, so sorting and search meet real data. */

export const MALE_FIRST_NAMES = [
  "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "François", "Éric",
  "Stéphane", "Frédéric", "Laurent", "Sébastien", "Nicolas", "Julien", "Thomas", "Mathieu", "Jérôme",
  "Christophe", "Olivier", "Cédric", "Grégory", "Anthony", "Maxime", "Hugo", "Lucas", "Théo", "Léo",
  "Raphaël", "Noël", "Benoît", "Loïc", "Yannick", "Gaël", "Hervé", "Rémi", "Jérémy", "Aurélien",
  "Clément", "Valentin", "Étienne", "Joël", "Gérard", "Thierry", "Patrice", "Pascal", "Didier",
  "Fabrice", "Arnaud", "Jean-Marc", "Jean-Luc", "Paul", "Louis", "Gabriel", "Mathis", "Nathan",
  "Enzo", "Quentin", "Romain", "Vincent", "Guillaume", "Florian", "Kévin", "Damien", "Bruno",
] as const;

export const FEMALE_FIRST_NAMES = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Christine",
  "Sandrine", "Véronique", "Céline", "Stéphanie", "Aurélie", "Émilie", "Julie", "Camille", "Léa",
  "Chloé", "Manon", "Inès", "Zoé", "Océane", "Mélanie", "Élodie", "Hélène", "Agnès", "Josiane",
  "Gaëlle", "Anaïs", "Maëlle", "Noémie", "Laëtitia", "Sophie", "Claire", "Anne", "Florence",
  "Brigitte", "Martine", "Monique", "Christelle", "Audrey", "Margaux", "Clémence", "Solène",
  "Mathilde", "Pauline", "Élise", "Bérénice", "Ségolène", "Adèle", "Marie-Claude", "Anne-Sophie",
  "Lucie", "Charlotte", "Juliette", "Emma", "Sarah", "Laura", "Amandine", "Virginie", "Karine",
] as const;

export const LAST_NAMES = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
  "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
  "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure",
  "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
  "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel",
  "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer",
  "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard",
  "Barbier", "Arnaud", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
  "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier",
  "Bourgeois", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
  "Lopez", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Dupuis", "Moulin", "Deschamps",
  "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier",
  "Marty", "Aubry", "Guyot", "Carré", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin",
  "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost",
  "Millet", "Perrot", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy",
  "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal", "Weber",
  "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Guichard", "Gillet", "Étienne",
  "Grondin", "Poulain", "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Bénard", "Maréchal",
  "Humbert", "Reynaud", "Hoarau", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy",
  "Delaunay", "Pasquier", "Carlier", "Laporte", "D'Almeida", "N'Diaye", "De La Fontaine", "Kerbrat",
] as const;
