// Versioned migrations, run on every start (Kysely's Migrator: in order, each in a transaction, under
// an advisory lock on PostgreSQL so several server processes starting together run each once).
// SQL for PostgreSQL 15. Never edit a migration that has shipped: add the next one.
import { Migrator, sql, type Kysely, type Migration } from 'kysely'

const MIGRATIONS: Record<string, Migration> = {
  '0001-schools-accounts-records': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table server_meta (key text primary key, value text not null);
        create table setup_codes (code_hash text primary key, created_at bigint not null, used_at bigint);
        create table schools (
          school_id text primary key,
          code text not null unique,
          name text not null,
          version bigint not null default 0,
          purged_below bigint not null default 0,
          created_at bigint not null
        );
        create table accounts (
          school_id text not null references schools,
          account_id text not null,
          login text not null,
          name text not null,
          teacher_id text not null,
          is_admin boolean not null default false,
          password_hash text,
          invite_hash text,
          invite_expires_at bigint,
          failed_logins integer not null default 0,
          next_login_at bigint not null default 0,
          disabled_at bigint,
          created_at bigint not null,
          primary key (school_id, account_id)
        );
        create unique index accounts_login on accounts (school_id, lower(login));
        create unique index accounts_teacher on accounts (school_id, teacher_id);
        create unique index accounts_invite on accounts (invite_hash) where invite_hash is not null;
        create table devices (
          school_id text not null,
          device_id text not null,
          account_id text not null,
          name text not null,
          refresh_hash text not null,
          created_at bigint not null,
          last_seen_at bigint not null,
          revoked_at bigint,
          primary key (school_id, device_id),
          foreign key (school_id, account_id) references accounts
        );
        create table clients (
          school_id text not null references schools,
          client_id text not null,
          device_id text not null,
          last_seq bigint not null default 0,
          primary key (school_id, client_id)
        );
        create table records (
          school_id text not null references schools,
          tbl text not null,
          id text not null,
          version bigint not null,
          data jsonb not null,
          authors jsonb not null default '{}',
          read_kind text not null,
          class_id text,
          subject text,
          grade integer,
          teacher_id text,
          parent_id text,
          deleted boolean not null,
          primary key (school_id, tbl, id)
        );
        create index records_version on records (school_id, version);
        create index records_teacher on records (school_id, tbl, teacher_id) where teacher_id is not null;
        create index records_parent on records (school_id, parent_id) where parent_id is not null;
        create table conflicts (
          school_id text not null references schools,
          conflict_id text not null,
          version bigint not null,
          tbl text not null,
          record_id text not null,
          field text not null,
          kind text not null,
          kept jsonb,
          kept_clock text not null,
          kept_by text,
          lost jsonb,
          lost_clock text not null,
          lost_by text,
          created_at bigint not null,
          dismissed_at bigint,
          primary key (school_id, conflict_id)
        );
        create index conflicts_version on conflicts (school_id, version);
      `.execute(db)
    },
  },
  // 公示 for parents: a revocable read-only link per class and week. Only the token's hash is kept.
  '0002-publicity-links': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table publicity_links (
          school_id text not null references schools,
          link_id text not null,
          token_hash text not null unique,
          class_id text not null,
          week_start text not null,
          created_by text not null,
          created_at bigint not null,
          revoked_at bigint,
          primary key (school_id, link_id)
        );
        create index publicity_links_class on publicity_links (school_id, class_id, week_start);
      `.execute(db)
    },
  },
  // A pull reads the caller's records by what they may read (sync/pull.ts): the school's shared records,
  // their own, and each class they read, each an ordered range by version, merged. A record is in
  // exactly one of these partial indexes, so a write keeps as many index entries as before the
  // school-wide (school_id, version) index they replace, which only the pull used.
  '0003-records-by-reader': {
    async up(db: Kysely<unknown>) {
      await sql`
        create index records_school_read on records (school_id, version) where read_kind = 'school';
        create index records_class_read on records (school_id, class_id, version) where read_kind = 'class';
        create index records_owner_read on records (school_id, teacher_id, version) where read_kind = 'owner';
        drop index records_version;
      `.execute(db)
    },
  },
  // No statistics of the JSON columns: nothing filters on them, and gathering them (detoasting and
  // comparing a sample of 30,000 documents) was most of an ANALYZE's time: 600 ms on a school's term,
  // run by the server as a school grows (freshStats.ts) and by autovacuum.
  '0004-no-statistics-of-json': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table records alter column data set statistics 0, alter column authors set statistics 0;
        alter table conflicts alter column kept set statistics 0, alter column lost set statistics 0;
      `.execute(db)
    },
  },
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!

/** Brings the database to the latest migration; throws (and changes nothing more) if one fails. */
export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
