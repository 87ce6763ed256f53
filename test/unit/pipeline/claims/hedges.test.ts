import { describe, expect, it } from 'vitest';
import { isHedged } from '../../../../lib/pipeline/claims/hedges';

describe('isHedged', () => {
  it.each([
    ['empty', '', false],
    ['plain statement', 'The bridge opened on Friday.', false],
    ['reportedly', 'The striker reportedly asked to leave.', true],
    ['allegedly', 'He allegedly took bribes.', true],
    ['may (modal)', 'Rates may rise again.', true],
    ['May (month) is not a hedge', 'Rates rose in May.', false],
    ['might', 'It might rain.', true],
    ['could', 'Jobs could go.', true],
    ['is expected to', 'The bank is expected to cut rates.', true],
    ['appears to', 'The plan appears to have stalled.', true],
    ['sources suggest', 'Sources suggest a deal is near.', true],
    ['estimated', 'An estimated 4,000 people marched.', true],
    ['unicode around a hedge', 'Zoë wird — reportedly — gehen.', true],
  ])('%s', (_name, text, expected) => {
    expect(isHedged(text)).toBe(expected);
  });
});
