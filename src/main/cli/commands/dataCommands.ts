import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { CategoricalProfile, NumericProfile } from '../../core/eda/profileTable'
import type { ColumnKind } from '../../core/data/Table'
import { InputError } from '../../core/base/errors'
import type { Run } from '../common/CliContext'
import { fmt, pct, textTable, toMinute } from '../common/format'
import { addListCommand } from '../common/listCommand'
import { collectPairs, intOption } from '../common/parseOptions'
import { addParamOptions, readParams } from '../common/paramOptions'
import { GenerateParamsSchema, generateParamShape } from '../../../shared/params/generateParams'

/** generate, import, datasets, inspect, export: loan data in and out (the spec's step 1 and EDA). */
export function registerDataCommands(program: Command, run: Run): void {
  addParamOptions(
    program
      .command('generate')
      .description("generate a synthetic loan book into a new dataset (the spec's step 1)"),
    generateParamShape
  )
    .option('--name <name>', 'dataset name')
    .option('--out <file.csv>', 'also write the rows to this CSV file')
    .action(
      run(async (ctx, opts: Record<string, unknown> & { name?: string; out?: string }) => {
        const started = Date.now()
        const dataset = await ctx.service().generateDataset({
          ...readParams(GenerateParamsSchema, opts),
          name: opts.name,
          signal: ctx.signal,
          out: opts.out ? resolve(opts.out) : undefined,
          onProgress: (done, total) => ctx.progress(`generating ${fmt(done, 0)} / ${fmt(total, 0)} rows`)
        })
        ctx.progressDone()
        const seconds = (Date.now() - started) / 1000
        ctx.print(
          `Dataset ${dataset.id} "${dataset.name}": ${fmt(dataset.rows, 0)} rows, ${dataset.columns} columns, default rate ${pct(dataset.defaultRate)} (${seconds.toFixed(1)} s)` +
            (opts.out ? `\nWritten to ${resolve(opts.out)}` : '')
        )
        ctx.printJson({
          datasetId: dataset.id,
          rows: dataset.rows,
          rejectedRows: 0,
          defaultRate: dataset.defaultRate,
          out: opts.out ? resolve(opts.out) : null
        })
      })
    )

  program
    .command('import')
    .description('import a loan CSV exported by any bank system')
    .argument('<file>', 'CSV file (UTF-8 or Windows-1252; comma, semicolon or tab separated)')
    .requiredOption('--target <column>', 'the column that records whether the loan defaulted')
    .option('--positive <value>', 'the target value that means default (not needed for 0/1)')
    .option('--name <name>', 'dataset name (default: the file name)')
    .option(
      '--kind <column=kind>',
      'override an inferred column kind: numeric, categorical or identifier (repeatable)',
      collectPairs
    )
    .action(
      run(
        async (
          ctx,
          file: string,
          opts: { target: string; positive?: string; name?: string; kind?: Record<string, string> }
        ) => {
          const kinds: Record<string, Exclude<ColumnKind, 'target'>> = {}
          for (const [column, kind] of Object.entries(opts.kind ?? {})) {
            if (kind !== 'numeric' && kind !== 'categorical' && kind !== 'identifier') {
              throw new InputError(
                `--kind ${column}=${kind}: the kind must be numeric, categorical or identifier.`
              )
            }
            kinds[column] = kind
          }
          const { dataset, report } = await ctx.service().importCsv({
            path: resolve(file),
            target: opts.target,
            positive: opts.positive,
            name: opts.name,
            kinds,
            signal: ctx.signal,
            onProgress: (p) =>
              ctx.progress(`${p.phase} ${Math.round((100 * p.done) / Math.max(1, p.total))} %`)
          })
          ctx.progressDone()
          ctx.print(
            `Dataset ${dataset.id} "${dataset.name}": ${fmt(report.rowsImported, 0)} rows imported, ${fmt(report.rowsRejected, 0)} rejected, default rate ${pct(dataset.defaultRate)} (positive class "${dataset.positiveClass}")`
          )
          for (const w of report.warnings) ctx.print(`  note: ${w}`)
          if (report.rowsRejected > 0) {
            ctx.print('Rejected lines:')
            for (const r of report.rejected.slice(0, 50)) {
              ctx.print(
                `  line ${r.line}${r.column ? `, column "${r.column}"` : ''}${r.value !== undefined ? `, value "${r.value}"` : ''}: ${r.reason}`
              )
            }
            if (report.rowsRejected > 50)
              ctx.print(
                `  ... and ${report.rowsRejected - 50} more (see "ptm inspect --dataset ${dataset.id} --report")`
              )
          }
          ctx.printJson({
            datasetId: dataset.id,
            rows: report.rowsImported,
            rejectedRows: report.rowsRejected,
            report
          })
        }
      )
    )

  addListCommand(program, run, {
    name: 'datasets',
    description: 'list the datasets',
    list: (service) => service.listDatasets(),
    empty: 'No datasets yet. Create one with "ptm generate" or "ptm import FILE.csv --target COLUMN".',
    header: ['id', 'name', 'rows', 'cols', 'default rate', 'rejected', 'source', 'created'],
    row: (d) => [
      d.id,
      d.name,
      fmt(d.rows, 0),
      d.columns,
      pct(d.defaultRate),
      d.rejectedRows,
      d.sourceFile ?? d.source,
      toMinute(d.createdAt)
    ],
    json: (datasets) => ({ datasets })
  })

  program
    .command('inspect')
    .description("profile a dataset: column statistics, default rates, correlations (the spec's EDA)")
    .option('--dataset <id>', 'dataset id (default: the latest)', intOption(1))
    .option('--report', 'also print every rejected line of the import report')
    .action(
      run(async (ctx, opts: { dataset?: number; report?: boolean }) => {
        const service = ctx.service()
        const id = service.resolveDatasetId(opts.dataset)
        const detail = service.getDataset(id)
        const profile = await service.profileDataset(id)
        ctx.print(
          `Dataset ${id} "${detail.name}": ${fmt(profile.numRows, 0)} rows; target "${profile.target}" = "${profile.positiveClass}" in ${pct(profile.defaultRate)} of rows\n`
        )
        const numeric = profile.columns.filter((c): c is NumericProfile => c.kind === 'numeric')
        const text = profile.columns.filter((c): c is CategoricalProfile => c.kind !== 'numeric')
        if (numeric.length) {
          ctx.print(
            textTable(
              ['numeric column', 'count', 'missing', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'],
              numeric.map((c) => [
                c.name,
                fmt(c.count, 0),
                fmt(c.missing, 0),
                fmt(c.mean),
                fmt(c.std),
                fmt(c.min),
                fmt(c.q1),
                fmt(c.median),
                fmt(c.q3),
                fmt(c.max)
              ])
            ) + '\n'
          )
        }
        for (const c of text) {
          const head = `${c.name} (${c.kind}): ${fmt(c.distinct, 0)} distinct, ${fmt(c.missing, 0)} missing`
          ctx.print(
            c.kind === 'identifier'
              ? head
              : `${head}\n` +
                  c.top
                    .slice(0, 8)
                    .map(
                      (t) =>
                        `    ${t.value.padEnd(20)} ${fmt(t.count, 0).padStart(10)}  default rate ${pct(t.defaultRate)}`
                    )
                    .join('\n')
          )
        }
        const { names, matrix } = profile.correlation
        const t = names.length - 1
        ctx.print(`\nCorrelation with ${profile.target}:`)
        ctx.print(
          names
            .slice(0, t)
            .map((n, i) => `    ${n.padEnd(24)} ${fmt(matrix[i][t], 3)}`)
            .join('\n')
        )
        if (opts.report && detail.importReport.rejected.length) {
          ctx.print('\nRejected lines:')
          for (const r of detail.importReport.rejected)
            ctx.print(`  line ${r.line}${r.column ? `, column "${r.column}"` : ''}: ${r.reason}`)
        }
        ctx.printJson({ datasetId: id, profile, importReport: detail.importReport })
      })
    )

  program
    .command('export')
    .description('write a dataset back out as CSV')
    .option('--dataset <id>', 'dataset id (default: the latest)', intOption(1))
    .requiredOption('--out <file.csv>', 'output file (replaced only once complete)')
    .option(
      '--raw',
      "write cells exactly as stored (by default a cell Excel would run as a formula gets a leading ')"
    )
    .action(
      run(async (ctx, opts: { dataset?: number; out: string; raw?: boolean }) => {
        const service = ctx.reader()
        const id = service.resolveDatasetId(opts.dataset)
        const { rows } = await service.exportDataset(id, resolve(opts.out), {
          raw: opts.raw === true,
          signal: ctx.signal
        })
        ctx.print(`Dataset ${id}: ${fmt(rows, 0)} rows written to ${resolve(opts.out)}`)
        ctx.printJson({ datasetId: id, rows, out: resolve(opts.out) })
      })
    )

  program
    .command('delete')
    .description('delete a dataset')
    .requiredOption('--dataset <id>', 'dataset id', intOption(1))
    .action(
      run((ctx, opts: { dataset: number }) => {
        ctx.service().deleteDataset(opts.dataset)
        ctx.print(`Dataset ${opts.dataset} deleted.`)
        ctx.printJson({ datasetId: opts.dataset, deleted: true })
      })
    )
}
