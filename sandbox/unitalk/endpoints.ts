/** Unitalk endpoints by path (relative to `/api`). One handler per endpoint; add new ones here. */
import { autodialAction } from './autodial';
import type { EndpointHandler } from './handler';
import { analyticsCreate } from './calls/analytics';
import { connectAsPrompter } from './calls/connectAsPrompter';
import { directCall } from './calls/directCall';
import { hangup } from './calls/hangup';
import { originateC2c } from './calls/originateC2c';
import { originateNew } from './calls/originateNew';
import { audioTts } from './audio/tts';
import { audioUpload } from './audio/upload';
import { dictionary } from './dictionary';
import { MESSAGING_ENDPOINTS } from './messages';
import { ACCOUNT_ENDPOINTS } from './account';

export const UNITALK_ENDPOINTS: Record<string, EndpointHandler> = {
	'/autodial/action': autodialAction,
	'/phones/directCall': directCall,
	'/calls/originateC2c': originateC2c,
	'/calls/originateNew': originateNew,
	'/calls/hangup': hangup,
	'/calls/connectAsPrompter': connectAsPrompter,
	'/calls/analytics/create': analyticsCreate,
	'/audio/upload': audioUpload,
	'/audio/tts': audioTts,
	'/dictionary': dictionary,
	...MESSAGING_ENDPOINTS, // /message/*, /messageDistribution/*, /widget/*
	...ACCOUNT_ENDPOINTS, // /lists, /users/list, /users/getStatus, /users/workHistory, /phones/inner(/setStatus), /groups/action, /operator/statistic, /history/get, /eventHandlers/removeScheduledByPhones, /tracking/webhook/event
};
