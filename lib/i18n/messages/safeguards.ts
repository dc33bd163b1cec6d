import type { MessagePair } from './index';

/** Issue 14's safeguards: the usage upload's errors, the migration preview's staleness, invoice fixes. */
export const safeguards = {
  en: {
    // Usage CSV upload (components/usage/usage-import.tsx)
    'usage.upload.tooLarge': 'The file is {size} MiB: at most {max} MiB (10,000 rows) can be imported at once. Split it.',
    'usage.upload.unreadable': 'The browser could not read {file}: choose it again.',
    'usage.upload.unreachable': 'The server could not be reached: nothing was checked or imported. Try again.',
    'usage.upload.refused': 'The file was refused ({status}): {message}',

    // Migration preview: the form against the preview shown
    'migrations.draft.stale': 'The form no longer matches the preview below ({changes}). The figures are for the previous choice: preview again before executing.',
    'migrations.draft.changeEdition': '{app}: {previewed} previewed, {chosen} in the form',
    'migrations.draft.changeMonths': 'months to re-rate: {previewed} previewed, {chosen} in the form',
    'migrations.draft.staleBadge': 'Out of date: not what the form says',
    'migrations.draft.executeDisabled': 'Preview the form’s choices to execute.',
    'migrations.execute.restate': 'Executing applies exactly this preview:',
    'migrations.execute.restateApp': 'App',
    'migrations.execute.restateFrom': 'Held on {date}',
    'migrations.execute.restateTo': 'From {date}',
    'migrations.execute.restateTotals': 'Re-rated {months}: {legacy} on the legacy scheme, {current} on the current scheme.',

    // Invoices
    'invoice.voidReason': 'This invoice is void. Reason:',
    'invoices.totals.hintWithVoid': '{count} invoices; {void} void not counted',
    'invoices.totals.hintWithVoid.one': '{count} invoice; {void} void not counted',
    'invoices.totals.hintNoVoid': '{count} invoices',
    'invoices.totals.hintNoVoid.one': '{count} invoice',
    'invoices.issueOverdue': 'overdue',
  },
  zh: {
    'usage.upload.tooLarge': '文件大小为 {size} MiB：一次最多导入 {max} MiB（10,000 行）。请拆分后再导入。',
    'usage.upload.unreadable': '浏览器无法读取 {file}：请重新选择。',
    'usage.upload.unreachable': '无法连接服务器：未检查也未导入任何数据。请重试。',
    'usage.upload.refused': '文件被拒绝（{status}）：{message}',

    'migrations.draft.stale': '表单已与下方预览不一致（{changes}）。下方数字对应之前的选择：请重新预览后再执行。',
    'migrations.draft.changeEdition': '{app}：预览为 {previewed}，表单为 {chosen}',
    'migrations.draft.changeMonths': '重算月数：预览为 {previewed}，表单为 {chosen}',
    'migrations.draft.staleBadge': '已过时：与表单不一致',
    'migrations.draft.executeDisabled': '请先按表单的选择预览，再执行。',
    'migrations.execute.restate': '执行将完全按此预览进行：',
    'migrations.execute.restateApp': '应用',
    'migrations.execute.restateFrom': '{date} 所持版本',
    'migrations.execute.restateTo': '自 {date} 起',
    'migrations.execute.restateTotals': '重算 {months}：原方案 {legacy}，当前方案 {current}。',

    'invoice.voidReason': '本账单已作废。原因：',
    'invoices.totals.hintWithVoid': '{count} 张账单；{void} 张已作废，未计入',
    'invoices.totals.hintNoVoid': '{count} 张账单',
    'invoices.issueOverdue': '已逾期',
  },
} satisfies MessagePair;
