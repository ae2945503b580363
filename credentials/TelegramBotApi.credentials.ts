import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Telegram bot (from @BotFather) that posts to a channel where it is an administrator with "Post messages".
 * The token is part of every Bot API path (`/bot<token>/sendMessage`), so it is treated as a password and
 * scrubbed from every output, error and log.
 */
export class TelegramBotApi implements ICredentialType {
	name = 'telegramBotApi';

	displayName = 'Telegram Bot API';

	icon: Icon = 'file:telegram.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#telegram-bot-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Bot Token',
			name: 'botToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token @BotFather gave the bot (123456789:AA…). Add the bot to the channel as an administrator allowed to post messages.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.telegram.org',
			description: 'Change it only for a local Bot API server, a proxy or the local sandbox (e.g. http://127.0.0.1:8787)',
		},
	];

	// getMe answers with the bot itself: it proves the token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '=/bot{{$credentials.botToken}}/getMe',
			method: 'GET',
			json: true,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Telegram refused the bot token (401 Unauthorized): copy it again from @BotFather' } },
			{ type: 'responseCode', properties: { value: 404, message: 'No Bot API here (HTTP 404): check the token’s format (123456789:AA…) and the Base URL' } },
		],
	};
}
