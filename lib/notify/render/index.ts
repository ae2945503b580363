import type { NotifyChannel, NotifyDocument, RenderedMessage } from '../types';
import { renderDingtalk } from './dingtalk';
import { renderFeishu } from './feishu';
import { renderSlack } from './slack';
import { renderWecom } from './wecom';

const RENDERERS: Record<NotifyChannel, (doc: NotifyDocument) => RenderedMessage> = {
	wecom: renderWecom,
	dingtalk: renderDingtalk,
	feishu: renderFeishu,
	slack: renderSlack,
};

/** The message body a channel's webhook takes, fitted to its limits. */
export function renderMessage(channel: NotifyChannel, doc: NotifyDocument): RenderedMessage {
	return RENDERERS[channel](doc);
}

export { renderWecom, renderDingtalk, renderFeishu, renderSlack };
