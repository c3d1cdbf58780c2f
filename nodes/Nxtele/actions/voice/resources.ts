import type { ResourceDefinition } from '../../../shared/operations';
import { createGroupCall } from '../groupCall/create.operation';
import { getManyVoiceFiles } from '../voiceFile/getMany.operation';
import { uploadVoiceFile } from '../voiceFile/upload.operation';
import { sendNotification } from '../voiceNotification/send.operation';
import { reportConversion } from '../voiceOtp/reportConversion.operation';
import { sendOtp } from '../voiceOtp/send.operation';
import { getManyVoiceRecords } from '../voiceRecord/getMany.operation';

/** The NXCloud voice resources (credential nxteleApi), in dropdown order. */
export const voiceResources: ResourceDefinition[] = [
	{
		value: 'groupCall',
		name: 'Group Call',
		description: 'NXCloud voice broadcast to many numbers',
		operations: [createGroupCall],
	},
	{
		value: 'voiceNotification',
		name: 'Voice Notification',
		description: 'NXCloud call that reads a text',
		operations: [sendNotification],
	},
	{
		value: 'voiceOtp',
		name: 'Voice Verification Code',
		description: 'NXCloud call that reads a one-time code',
		operations: [sendOtp, reportConversion],
	},
	{
		value: 'voiceFile',
		name: 'Voice File',
		description: 'NXCloud voice recordings for group calls',
		operations: [uploadVoiceFile, getManyVoiceFiles],
	},
	{
		value: 'voiceRecord',
		name: 'Voice Record',
		description: 'NXCloud call records of group calls, notifications and codes',
		operations: [getManyVoiceRecords],
	},
];

/** The resource values above: the node shows the nxteleApi credential for them. */
export const VOICE_RESOURCES = voiceResources.map((r) => r.value);
