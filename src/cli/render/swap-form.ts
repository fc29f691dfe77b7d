// The printable swap registration form (换班登记表), English and Chinese labels,
// with signature lines for both parties and the manager. Pure: model in, HTML out.

import type { SwapForm } from '../../domain/swaps/form.js'
import { escapeHtml as e } from './html.js'

const STATUS: Record<string, string> = {
  pending: '待对方同意 pending',
  accepted: '待审批 accepted, awaiting approval',
  approved: '已批准 approved',
  rejected: '已驳回 rejected',
  declined: '对方拒绝 declined',
  cancelled: '已撤回 cancelled',
  undone: '已撤销 undone: the roster is as before it',
}

export function renderSwapFormHtml(f: SwapForm): string {
  const s = f.swap
  const plain = f.kind === 'exchange' ? '当日换班 Exchange on the same day' : '代班并还班 Cover with payback'
  const kind = s.reverses ? `撤销换班 #${e(s.reverses)} Undo of swap #${e(s.reverses)} (${plain})` : plain
  const person = (p: { id: string; name: string }) => `${e(p.name)} <span class="id">(${e(p.id)})</span>`
  const lines = f.lines.length
    ? f.lines.map((l) => `<tr><td>${e(l.date)}</td><td>${e(l.shift)}</td><td>${e(l.hours)}${l.remote ? ' · 在家值班 remote' : ''}</td><td>${e(l.scheduled)}</td><td>${e(l.works)}</td></tr>`).join('\n')
    : `<tr><td colspan="5">The roster no longer holds the shifts of this swap. 排班表中已无此次换班的班次。</td></tr>`
  const decision = s.decidedBy ? `${e(s.decidedBy)}${s.decisionReason ? `: ${e(s.decisionReason)}` : ''}` : ''
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>换班登记表 Shift swap form #${e(s.id)}</title>
<style>
  @page { size: A4 portrait; margin: 18mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; font-size: 11pt; }
  h1 { font-size: 18pt; margin: 0 0 2mm; }
  h1 small { font-size: 11pt; font-weight: normal; color: #444; }
  table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
  th, td { border: 1px solid #333; padding: 2mm 3mm; text-align: left; vertical-align: top; }
  th { background: #eee; width: 32%; }
  .shifts th { width: auto; }
  .id { color: #555; }
  .signatures { margin-top: 12mm; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8mm; }
  .signature { border-top: 1px solid #111; padding-top: 2mm; min-height: 18mm; }
  .meta { color: #555; font-size: 9pt; margin-top: 8mm; }
  @media print { .meta { position: fixed; bottom: 0; } }
</style>
</head>
<body>
<h1>换班登记表 <small>Shift swap registration form · No. ${e(s.id)}</small></h1>
<table>
  <tr><th>编号 Swap no.</th><td>${e(s.id)}</td></tr>
  <tr><th>状态 Status</th><td>${e(STATUS[s.status] ?? s.status)}</td></tr>
  <tr><th>类型 Kind</th><td>${kind}</td></tr>
  <tr><th>换班人 Requester</th><td>${person(f.requester)}</td></tr>
  <tr><th>${f.kind === 'exchange' ? '对换人 Counterpart' : '接班人 / 还班对象 Counterpart'}</th><td>${person(f.counterpart)}</td></tr>
  <tr><th>换班日期 Swap date</th><td>${e(s.date)}</td></tr>
  <tr><th>还班日期 Payback date</th><td>${s.payback ? e(s.payback) : '—'}</td></tr>
  <tr><th>换班原因 Reason</th><td>${e(s.reason ?? '')}</td></tr>
  <tr><th>申请时间 Requested</th><td>${e(s.createdAt.slice(0, 16).replace('T', ' '))} UTC</td></tr>
  <tr><th>审批 Decision</th><td>${decision}</td></tr>
</table>
<table class="shifts">
  <tr><th>日期 Date</th><th>班次 Shift</th><th>时间 Hours</th><th>原当班人 Scheduled</th><th>实际当班人 Works</th></tr>
${lines}
</table>
<div class="signatures">
  <div class="signature">换班人签字 Requester's signature<br><br>日期 Date:</div>
  <div class="signature">${f.kind === 'exchange' ? '对换人签字' : '接班人签字'} Counterpart's signature<br><br>日期 Date:</div>
  <div class="signature">部门经理签字 Manager's signature<br><br>日期 Date:</div>
</div>
<p class="meta">换班须经双方同意，填写本表并经部门经理签字批准后方可生效。A swap takes effect only when both parties agree and the manager signs. Printed by roster, ${e(f.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p>
</body>
</html>
`
}
