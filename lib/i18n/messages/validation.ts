import type { MessagePair } from './index';

/**
 * Issue 15: the field errors of forms (zod messages), as keys rendered in the viewer's language
 * (lib/validation/messages.ts). `{label}` is itself a key of this file (`field.label.*`),
 * translated too. English is the text logs, the CLI and tests read.
 */
export const validation = {
  en: {
    'field.label.accountId': 'Account id',
    'field.label.invoiceId': 'Invoice id',
    'field.label.amount': 'Amount',
    'field.label.reference': 'Reference',
    'field.label.reason': 'Reason',

    'field.id.number': '{label} must be a number',
    'field.id.whole': '{label} must be a whole number',
    'field.id.positive': '{label} must be positive',
    'field.id.range': '{label} is out of range',
    'field.required': '{label} is required',
    'field.tooShort': '{label} must be at least {min} characters',
    'field.tooLong': '{label} must be at most {max} characters',
    'field.money.positive': '{label} must be greater than 0',
    'field.money.format': '{label} must be an amount with at most 2 decimals, such as 120.50',
    'field.money.nonZero': '{label} must not be 0',
    'field.currency': 'Currency must be CNY or USD',
    'field.dueDate.required': 'Due date is required',
    'field.dueDate.format': 'Due date must be a date (YYYY-MM-DD)',

    'field.month.required': 'Month is required (YYYY-MM)',
    'field.month.calendar': 'Month must be a calendar month YYYY-MM, such as 2026-10',
    'field.month.format': 'Month must be YYYY-MM, such as 2026-10',

    'field.calendar.accountRequired': 'Account is required',
    'field.calendar.account': 'Account must be an account number',
    'field.calendar.step': 'Step must be DRAFT_RUN or ISSUE',

    'field.invoice.voidReason': 'Reason must say why the invoice is void (at least 3 characters)',

    'field.apiKey.nameRequired': 'Name is required',
    'field.apiKey.nameWhich': 'Name is required: say which system will use the key',
    'field.apiKey.nameLong': 'Name must be at most 100 characters',
    'field.apiKey.id': 'id must be an API key id',

    'field.creditNote.mode': 'Scope must be "lines" or "whole"',
    'field.creditNote.reason': 'Reason must be one of DUPLICATE, WRONG_USAGE, SERVICE_ISSUE, GOODWILL, OTHER',
    'field.creditNote.textRequired': 'Text is required',
    'field.creditNote.textShort': 'Text must say what is corrected (at least 3 characters)',
    'field.creditNote.textLong': 'Text must be at most 1000 characters',
    'field.creditNote.remainder': 'Remainder must go to the balance (CREDIT) or be paid back (REFUND)',
    'field.creditNote.lineAmount': 'Line {line}: amount must be greater than 0 with at most 2 decimals, such as 12.50',
    'field.creditNote.noLines': 'Lines: enter an amount on at least one line, or credit the whole invoice',
    'field.creditNote.preview': 'Preview is required: preview the credit note before issuing it',
  },
  zh: {
    'field.label.accountId': '账户 ID',
    'field.label.invoiceId': '账单 ID',
    'field.label.amount': '金额',
    'field.label.reference': '参考号',
    'field.label.reason': '原因',

    'field.id.number': '{label}必须是数字',
    'field.id.whole': '{label}必须是整数',
    'field.id.positive': '{label}必须为正数',
    'field.id.range': '{label}超出范围',
    'field.required': '请填写{label}',
    'field.tooShort': '{label}至少需要 {min} 个字符',
    'field.tooLong': '{label}最多 {max} 个字符',
    'field.money.positive': '{label}必须大于 0',
    'field.money.format': '{label}必须是最多两位小数的金额，例如 120.50',
    'field.money.nonZero': '{label}不能为 0',
    'field.currency': '币种必须是 CNY 或 USD',
    'field.dueDate.required': '请填写到期日',
    'field.dueDate.format': '到期日必须是日期（YYYY-MM-DD）',

    'field.month.required': '请填写月份（YYYY-MM）',
    'field.month.calendar': '月份必须是 YYYY-MM 格式的日历月，例如 2026-10',
    'field.month.format': '月份必须是 YYYY-MM 格式，例如 2026-10',

    'field.calendar.accountRequired': '请填写账户',
    'field.calendar.account': '账户必须是账户编号',
    'field.calendar.step': '步骤必须是 DRAFT_RUN 或 ISSUE',

    'field.invoice.voidReason': '原因须说明账单为何作废（至少 3 个字符）',

    'field.apiKey.nameRequired': '请填写名称',
    'field.apiKey.nameWhich': '请填写名称：说明哪个系统将使用该密钥',
    'field.apiKey.nameLong': '名称最多 100 个字符',
    'field.apiKey.id': 'id 必须是 API 密钥的 ID',

    'field.creditNote.mode': '范围必须是 "lines" 或 "whole"',
    'field.creditNote.reason': '原因必须是 DUPLICATE、WRONG_USAGE、SERVICE_ISSUE、GOODWILL、OTHER 之一',
    'field.creditNote.textRequired': '请填写说明',
    'field.creditNote.textShort': '说明须写明更正的内容（至少 3 个字符）',
    'field.creditNote.textLong': '说明最多 1000 个字符',
    'field.creditNote.remainder': '余额必须转入账户余额（CREDIT）或退回（REFUND）',
    'field.creditNote.lineAmount': '第 {line} 行：金额必须大于 0，最多两位小数，例如 12.50',
    'field.creditNote.noLines': '明细：请至少在一行填写金额，或冲红整张账单',
    'field.creditNote.preview': '请先预览：开出红字发票前须先预览',
  },
} satisfies MessagePair;

export type ValidationKey = keyof typeof validation.en;
