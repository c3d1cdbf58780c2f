import { createGroupCall } from '../groupCall/create.operation';
import { getManyVoiceFiles } from '../voiceFile/getMany.operation';
import { uploadVoiceFile } from '../voiceFile/upload.operation';
import { sendNotification } from '../voiceNotification/send.operation';
import { reportConversion } from '../voiceOtp/reportConversion.operation';
import { sendOtp } from '../voiceOtp/send.operation';
import { getManyVoiceRecords } from '../voiceRecord/getMany.operation';
import type { NxteleResource } from '../resource';

/** The NXCloud voice resources (credential nxteleApi), in dropdown order. */
export const voiceResources: NxteleResource[] = [
	{
		value: 'groupCall',
		name: 'Group Call',
		description: 'NXCloud voice broadcast to many numbers',
		credential: 'nxteleApi',
		operations: [createGroupCall],
	},
	{
		value: 'voiceNotification',
		name: 'Voice Notification',
		description: 'NXCloud call that reads a text',
		credential: 'nxteleApi',
		operations: [sendNotification],
	},
	{
		value: 'voiceOtp',
		name: 'Voice Verification Code',
		description: 'NXCloud call that reads a one-time code',
		credential: 'nxteleApi',
		operations: [sendOtp, reportConversion],
	},
	{
		value: 'voiceFile',
		name: 'Voice File',
		description: 'NXCloud voice recordings for group calls',
		credential: 'nxteleApi',
		operations: [uploadVoiceFile, getManyVoiceFiles],
	},
	{
		value: 'voiceRecord',
		name: 'Voice Record',
		description: 'NXCloud call records of group calls, notifications and codes',
		credential: 'nxteleApi',
		operations: [getManyVoiceRecords],
	},
];
