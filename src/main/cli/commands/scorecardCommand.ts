import type { Command } from 'commander'
import type { Characteristic, ScorecardTable } from '../../core/model/ScorecardTable'
import type { CliContext } from '../common/CliContext'
import { fmt, pct, textTable } from '../common/format'
import { intOption } from '../common/parseOptions'

type Run = (
  action: (ctx: CliContext, ...args: never[]) => Promise<void> | void
) => (...args: unknown[]) => Promise<void>

/** Longest bin label printed in the terminal table (the JSON keeps every category). */
const LABEL_WIDTH = 44

/** scorecard: a scorecard model's points table, as a bank files it. */
export function registerScorecardCommand(program: Command, run: Run): void {
  program
    .command('scorecard')
    .description(
      "print a scorecard model's points table: each characteristic's bins with rows, default rate, WoE and points, and its information value"
    )
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .action(
      run((ctx, o: { model?: number }) => {
        const service = ctx.service()
        const id = service.resolveModelId(o.model)
        const { model, artifact, scorecard } = service.scorecardOf(id)
        ctx.print(`Model ${id} "${model.name}": points scorecard\n`)
        ctx.print(formatScorecard(scorecard, artifact.params.calibration))
        ctx.printJson({ modelId: id, name: model.name, calibration: artifact.params.calibration, scorecard })
      })
    )
}

/** The points table and its scale, as printed by `ptm scorecard`. */
export function formatScorecard(t: ScorecardTable, calibration: string): string {
  const rows: (string | number)[][] = []
  for (const c of t.characteristics) {
    c.bins.forEach((b, k) => {
      rows.push([
        k === 0 ? c.feature : '',
        shorten(b.label),
        fmt(b.count, 0),
        b.count > 0 ? pct(b.defaults / b.count) : '-',
        b.woe.toFixed(3),
        b.points,
        k === 0 ? c.iv.toFixed(3) : ''
      ])
    })
  }
  const lines = [
    `Score = the sum of the points. ${fmt(t.basePoints)} points = odds of repaying ${fmt(t.baseOdds)}:1; every ${fmt(t.pdo)} points double the odds.`,
    `P(default) = 1 / (1 + e^((score - ${t.offset.toFixed(3)}) / ${t.factor.toFixed(3)})), from the exact points (printed points are rounded).`,
    calibration === 'none'
      ? 'Calibration none: the probabilities scoring gives are exactly those the points state.'
      : `Calibration ${calibration}: scoring maps the points' probability through it, in the same order.`,
    '',
    textTable(['characteristic', 'bin', 'rows', 'default rate', 'WoE', 'points', 'IV'], rows, 2),
    '',
    `${t.characteristics.length} characteristic${t.characteristics.length === 1 ? '' : 's'}; ${describeTrends(t.characteristics)}`
  ]
  const notes = t.characteristics.flatMap((c) => c.notes.map((n) => `${c.feature}: ${n}`))
  if (t.dropped.length) {
    lines.push('', 'Left out:')
    for (const d of t.dropped) lines.push(`  ${d.feature} (IV ${d.iv.toFixed(3)}): ${d.reason}`)
  }
  if (notes.length) lines.push('', 'Notes:', ...notes.map((n) => `  ${n}`))
  lines.push(
    '',
    "Reasons for a score are the characteristics that lost the most points against their best bin (printed in each row's reasons as how much they raised the risk)."
  )
  return lines.join('\n')
}

function describeTrends(characteristics: Characteristic[]): string {
  const count = new Map<string, number>()
  for (const c of characteristics) count.set(c.trend, (count.get(c.trend) ?? 0) + 1)
  return (
    [...count]
      .map(([trend, n]) => `${n} ${trend === 'by rate' ? 'grouped by default rate' : trend}`)
      .join(', ') + '.'
  )
}

function shorten(label: string): string {
  return label.length <= LABEL_WIDTH ? label : label.slice(0, LABEL_WIDTH - 1) + '…'
}
