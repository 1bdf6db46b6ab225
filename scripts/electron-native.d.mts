/** The addon of better-sqlite3 built for the installed Electron, or undefined where it cannot be built. */
export function electronSqliteAddon(): string | undefined;
