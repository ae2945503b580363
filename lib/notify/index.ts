// Public API of lib/notify: build a channel-neutral document, render it for a channel, send it.
export * from './types';
export { alertDocument, reportDocument, textDocument, parseRiskAlert, parseReport, parseMention, parseMentions, LEVEL_STYLE, type AlertDocumentOptions, type ReportDocumentOptions, type TextDocumentOptions } from './content';
export { renderMessage, renderWecom, renderDingtalk, renderFeishu, renderSlack } from './render';
export { WECOM_MARKDOWN_MAX_BYTES } from './render/wecom';
export { DINGTALK_MARKDOWN_MAX_BYTES } from './render/dingtalk';
export { FEISHU_MAX_BODY_BYTES } from './render/feishu';
export { SLACK_MAX_BLOCKS, SLACK_SECTION_MAX_CHARS, SLACK_HEADER_MAX_CHARS } from './render/slack';
export { sendToWebhook, resolveWebhook, signRequest, CHANNEL_SPECS, type WebhookTarget, type SendResult, type ResolvedWebhook } from './webhook';
export { dingTalkSign, feishuSign, signaturesEqual } from './signing';
export { escapeChatMarkdown, escapeSlackMrkdwn, safeLinkUrl } from './escape';
export { utf8Bytes, clipGraphemes, fitLines } from './text';
