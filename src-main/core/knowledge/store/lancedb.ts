type LanceDbModule = typeof import('@lancedb/lancedb');

let loading: Promise<LanceDbModule> | undefined;

/**
 * LanceDB's native library logs through Rust's env_logger, which reads LANCEDB_LOG once, when the
 * library loads; at its default level it prints "No existing dataset at …, it will be created" on the
 * terminal of every user. The level is set to errors before the library is first loaded, unless the
 * user chose one (LANCEDB_LOG=debug to diagnose the index). Hence no static import of LanceDB
 * anywhere else: a module graph is evaluated before any code in it runs.
 */
export function loadLanceDb(): Promise<LanceDbModule> {
  if (!loading) {
    process.env.LANCEDB_LOG ??= 'error';
    loading = import('./lancedb-native').then((module) => module.lancedb);
  }
  return loading;
}
