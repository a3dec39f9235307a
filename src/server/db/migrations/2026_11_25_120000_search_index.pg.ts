import { type Kysely, sql } from "kysely";

/**
 * PostgreSQL half of the search index migration. Text is indexed twice, with the french and the
 * english stemmers, both folding accents through `unaccent` when the extension can be created;
 * identifiers (logins, tags, serials, addresses) with the simple dictionary. The vectors live in
 * side tables (search_ticket…) with GIN indexes, kept by triggers: no column is added to another
 * module's table, so backups and restores are unchanged (a restore's inserts fill them again).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function hasExtension(db: AnyDb, name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = ${name}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

async function createConfigs(db: AnyDb, unaccent: boolean): Promise<void> {
  const words = "hword, hword_part, word";
  for (const [name, base, stem] of [["vigie_fr", "french", "french_stem"], ["vigie_en", "english", "english_stem"], ["vigie_simple", "simple", "simple"]]) {
    await sql.raw(`create text search configuration ${name} (copy = ${base})`).execute(db);
    if (unaccent) await sql.raw(`alter text search configuration ${name} alter mapping for ${words} with unaccent, ${stem}`).execute(db);
  }
}

const FUNCTIONS = [
  // Markup out (ticket descriptions are HTML), then the french and english stems; titles weigh A, bodies B.
  `create function vigie_text_vector(title text, body text) returns tsvector language sql immutable parallel safe as $$
    select setweight(to_tsvector('vigie_fr'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('vigie_en'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('vigie_fr'::regconfig, regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')), 'B')
      || setweight(to_tsvector('vigie_en'::regconfig, regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')), 'B') $$`,
  `create function vigie_article_vector(title text, body text, symptom text, cause text, workaround text, fix text)
    returns tsvector language sql immutable parallel safe as $$
    select vigie_text_vector(title, coalesce(body, '') || ' ' || coalesce(symptom, '') || ' ' || coalesce(cause, '') || ' '
      || coalesce(workaround, '') || ' ' || coalesce(fix, '')) $$`,
  // Identifiers: every run of letters and digits is a word, so "PC-0042", "10.0.0.42" and e-mails split as typed.
  `create function vigie_key_vector(t text) returns tsvector language sql immutable parallel safe as $$
    select to_tsvector('vigie_simple'::regconfig, regexp_replace(coalesce(t, ''), '[^[:alnum:]]+', ' ', 'g')) $$`,
  `create function vigie_user_vector(first_name text, last_name text, login text, email text, phone text, mobile text,
    phone_digits text, mobile_digits text) returns tsvector language sql immutable parallel safe as $$
    select setweight(vigie_key_vector(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), 'A')
      || vigie_key_vector(coalesce(login, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' '
      || coalesce(mobile, '') || ' ' || coalesce(phone_digits, '') || ' ' || coalesce(mobile_digits, '')) $$`,
  // An inventory's host name, MAC and IPv4 addresses; bad JSON must never fail an inventory's write.
  `create function vigie_net_vector(hostname text, details text) returns tsvector language plpgsql immutable parallel safe as $$
    begin
      return vigie_key_vector(coalesce(hostname, '') || ' '
        || coalesce(jsonb_path_query_array(details::jsonb, '$.networks[*].mac')::text, '') || ' '
        || coalesce(jsonb_path_query_array(details::jsonb, '$.networks[*].ipv4[*]')::text, ''));
    exception when others then
      return vigie_key_vector(hostname);
    end $$`,
];

/**
 * One side table per kind holds each row's vector, stored: ranking and the planner's row checks
 * read it instead of parsing the text again (a million tickets' vectors cannot be recomputed per
 * query). Rows of the indexed tables are never changed; triggers keep the side tables current.
 */
const SIDE_TABLES = ["search_ticket", "search_article", "search_user", "search_asset"];

const SYNC = [
  ["search_ticket", "ticket", "after insert or delete or update of title, description", "vigie_text_vector(new.title, new.description)"],
  ["search_article", "kb_article", "after insert or delete or update of title, body, symptom, cause, workaround, fix",
    "vigie_article_vector(new.title, new.body, new.symptom, new.cause, new.workaround, new.fix)"],
  ["search_user", "app_user",
    "after insert or delete or update of first_name, last_name, login, email, phone, mobile, phone_digits, mobile_digits",
    "vigie_user_vector(new.first_name, new.last_name, new.login, new.email, new.phone, new.mobile, new.phone_digits, new.mobile_digits)"],
] as const;

export function syncTrigger([table, source, events, vector]: readonly [string, string, string, string]): string[] {
  return [
    `create function ${table}_sync() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then delete from ${table} where id = old.id; return old; end if;
        insert into ${table}(id, vec) values (new.id, ${vector}) on conflict (id) do update set vec = excluded.vec;
        return new;
      end $$`,
    `create trigger ${table}_sync ${events} on ${source} for each row execute function ${table}_sync()`,
  ];
}

// An asset's vector: its name, tag and serial, and what its last inventory said of the network.
const ASSET_SYNC = [
  `create function search_asset_refresh(target integer) returns void language sql as $$
    delete from search_asset where id = target;
    insert into search_asset(id, vec)
      select a.id, vigie_key_vector(a.name || ' ' || a.asset_tag || ' ' || coalesce(a.serial, ''))
        || coalesce(vigie_net_vector(ai.hostname, ai.details), ''::tsvector)
      from asset a left join asset_inventory ai on ai.asset_id = a.id where a.id = target $$`,
  `create function search_asset_sync() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'asset' and tg_op = 'DELETE' then delete from search_asset where id = old.id; return old; end if;
      if tg_table_name = 'asset' then perform search_asset_refresh(new.id); return new; end if;
      if tg_op = 'DELETE' then perform search_asset_refresh(old.asset_id); return old; end if;
      perform search_asset_refresh(new.asset_id);
      return new;
    end $$`,
  `create trigger search_asset_sync after insert or delete or update of name, asset_tag, serial on asset
    for each row execute function search_asset_sync()`,
  `create trigger search_asset_inventory_sync after insert or delete or update of hostname, details on asset_inventory
    for each row execute function search_asset_sync()`,
];

const BACKFILL = [
  `insert into search_ticket(id, vec) select id, vigie_text_vector(title, description) from ticket`,
  `insert into search_article(id, vec) select id, vigie_article_vector(title, body, symptom, cause, workaround, fix) from kb_article`,
  `insert into search_user(id, vec) select id, vigie_user_vector(first_name, last_name, login, email, phone, mobile, phone_digits, mobile_digits)
    from app_user`,
  `insert into search_asset(id, vec) select a.id, vigie_key_vector(a.name || ' ' || a.asset_tag || ' ' || coalesce(a.serial, ''))
    || coalesce(vigie_net_vector(ai.hostname, ai.details), ''::tsvector) from asset a left join asset_inventory ai on ai.asset_id = a.id`,
];

async function createSideTables(db: AnyDb): Promise<void> {
  for (const table of SIDE_TABLES) {
    await sql.raw(`create table ${table} (id integer primary key, vec tsvector not null)`).execute(db);
    await sql.raw(`create index ${table}_vec_idx on ${table} using gin (vec)`).execute(db);
  }
  for (const s of [...SYNC.flatMap(syncTrigger), ...ASSET_SYNC, ...BACKFILL]) await sql.raw(s).execute(db);
}

export async function pgSearchUp(db: AnyDb): Promise<void> {
  // Both extensions are "trusted" (PostgreSQL 13+): the database's owner may create them.
  const unaccent = await hasExtension(db, "unaccent");
  if (unaccent) await sql`create extension if not exists unaccent`.execute(db);
  await createConfigs(db, unaccent);
  for (const s of FUNCTIONS) await sql.raw(s).execute(db);
  await createSideTables(db);
  // Typo tolerance on article titles: trigram similarity, when pg_trgm is there.
  if (await hasExtension(db, "pg_trgm")) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index kb_article_title_trgm_idx on kb_article using gin (lower(title) gin_trgm_ops)`.execute(db);
  }
}

export async function pgSearchDown(db: AnyDb): Promise<void> {
  await sql`drop index if exists kb_article_title_trgm_idx`.execute(db);
  for (const [table, source] of [...SYNC.map(([t, s]) => [t, s]), ["search_asset", "asset"], ["search_asset_inventory", "asset_inventory"]]) {
    await sql.raw(`drop trigger if exists ${table}_sync on ${source}`).execute(db);
  }
  for (const table of SIDE_TABLES) await sql.raw(`drop table if exists ${table}`).execute(db);
  for (const f of ["search_ticket_sync", "search_article_sync", "search_user_sync", "search_asset_sync", "search_asset_refresh",
    "vigie_article_vector", "vigie_user_vector", "vigie_net_vector", "vigie_text_vector", "vigie_key_vector"]) {
    await sql.raw(`drop function if exists ${f}`).execute(db);
  }
  for (const c of ["vigie_fr", "vigie_en", "vigie_simple"]) await sql.raw(`drop text search configuration if exists ${c}`).execute(db);
}
