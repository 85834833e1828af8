// Window events used to keep the header's unread badge in step with the messages page.
export const MESSAGES_CHANGED = 'zt:messages-changed';
