import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { refusalOf } from './refusal';

describe('refusals', () => {
  it('names the channel rule of a 409', () => {
    const error = new ApiError(
      409,
      'CHANNEL_RULE_VIOLATION',
      'this channel takes at most 1 public answer(s) per conversation',
      { rule: 'CHANNEL_PUBLIC_ANSWER_LIMIT', params: { max: 1, junk: { x: 1 } } },
    );
    expect(refusalOf(error)).toEqual({
      rule: 'CHANNEL_PUBLIC_ANSWER_LIMIT',
      message: 'this channel takes at most 1 public answer(s) per conversation',
      params: { max: 1 },
    });
  });

  it('keeps the message of other failures without a rule', () => {
    expect(refusalOf(new ApiError(400, 'VALIDATION_FAILED', 'body.text: too short'))).toEqual({
      rule: null,
      message: 'body.text: too short',
      params: {},
    });
    expect(refusalOf(new Error('offline'))).toEqual({ rule: null, message: 'offline', params: {} });
  });
});
