// Serves the built app (dist/) with Vite's preview server on a free loopback port for the e2e files,
// and stops it afterwards. The URL reaches the tests through vitest's provide/inject.
import type { TestProject } from 'vitest/node'
import { startPreview } from '../../scripts/preview-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const { server, baseUrl } = await startPreview()
  project.provide('baseUrl', baseUrl)
  return async () => {
    await server.close()
  }
}
