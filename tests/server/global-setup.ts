// The server tests run on embedded PGlite and on a real PostgreSQL: DATABASE_URL when set, else a
// throwaway cluster from Debian's postgresql package (scripts/postgres-cluster.ts), stopped at the end.
import type { TestProject } from 'vitest/node'
import { startCluster, type Cluster } from '../../scripts/postgres-cluster'

let cluster: Cluster | undefined

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.DATABASE_URL
  if (!url) {
    cluster = await startCluster()
    url = cluster.url
  }
  project.provide('postgresUrl', url)
}

export function teardown(): void {
  cluster?.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}
