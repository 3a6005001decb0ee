import { createPredictServer } from '../../src/main/http/predictServer'
import { openWorkbench, step } from './step'

/**
 * serve DB MODEL_ID: the /predict service on 127.0.0.1, an ephemeral port. Prints
 * `@@LISTEN <port>` once listening; stops when its stdin closes, then reports its peak RSS.
 */
step(async ([db, modelId]) => {
  const wb = openWorkbench(db)
  wb.scoringModel(Number(modelId))
  const app = createPredictServer(wb, { modelId: Number(modelId) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  process.stdout.write(`@@LISTEN ${address.port}\n`)
  await new Promise<void>((resolve) => {
    process.stdin.resume()
    process.stdin.on('end', resolve)
    process.stdin.on('close', resolve)
  })
  await app.close()
  wb.close()
  return { port: address.port }
})
