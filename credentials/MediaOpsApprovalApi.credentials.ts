import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret that signs and verifies approval links (HMAC-SHA256). It never leaves n8n: links carry
 * only the post id, version, reviewer, decision, expiry and a signature.
 */
export class MediaOpsApprovalApi implements ICredentialType {
	name = 'mediaOpsApprovalApi';

	displayName = 'MediaOps Approval API';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#mediaops-approval-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'At least 16 random characters, e.g. from `openssl rand -hex 32`. Changing it invalidates every link already sent.',
		},
	];
}
