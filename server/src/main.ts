// `npm start` (after building the app): one process serving the app and the sync API.
import { configFromEnv } from './config'
import { errorFields, jsonLogger } from './log'
import { startServer } from './server'

const log = jsonLogger()
const config = configFromEnv()
const server = await startServer(config, log)
log.info('listening', { url: server.url, store: server.ctx.store.kind })
// For people, on the console: where to open the app, and (first start only) the setup code.
console.log(`\n作业台账 Homework Ledger is running at ${server.url}/`)
if (server.setupCode) {
  console.log(`\nOne-time setup code (creates the school and its admin; shown only now): ${server.setupCode}`)
  console.log('一次性设置码（用于创建学校与管理员账号，仅显示这一次）：' + server.setupCode + '\n')
}

let stopping = false
const shutdown = (signal: string): void => {
  if (stopping) return
  stopping = true
  log.info('stopping', { signal })
  // A request stuck for long must not keep the process alive forever.
  const force = setTimeout(() => {
    log.error('forced stop after 20 s')
    process.exit(1)
  }, 20_000)
  force.unref()
  server.stop().then(
    () => {
      log.info('stopped')
      process.exit(0)
    },
    (err: unknown) => {
      log.error('stop failed', errorFields(err))
      process.exit(1)
    },
  )
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
