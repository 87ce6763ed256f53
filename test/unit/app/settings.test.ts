import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings } from '../../../lib/app/settings';

describe('loadSettings', () => {
  it('uses the documented defaults', () => {
    expect(loadSettings({})).toMatchObject({
      inputBucket: 'factsum-articles',
      resultsBucket: 'factsum-results',
      indexTable: 'factsum-index',
      maxInputBytes: 5 * 1024 * 1024,
      summaryRules: [],
      nearThreshold: 0.8,
    });
  });

  it('reads summary settings and prefix rules', () => {
    const config = loadSettings({
      SUMMARY_SENTENCES: '4',
      SUMMARY_RULES: '[{"prefix":"briefs/","maxSentences":1}]',
    });
    expect(config.summary).toEqual({ maxSentences: 4 });
    expect(config.summaryRules).toEqual([{ prefix: 'briefs/', maxSentences: 1 }]);
  });

  it.each([
    {
      name: 'a size limit that is not a number',
      env: { MAX_INPUT_BYTES: 'five megabytes' },
      message: 'MAX_INPUT_BYTES',
    },
    {
      name: 'rules that are not JSON',
      env: { SUMMARY_RULES: '[{prefix:' },
      message: 'SUMMARY_RULES is not valid JSON',
    },
    {
      name: 'rules of the wrong shape',
      env: { SUMMARY_RULES: '[{"prefix":"a/","sentences":1}]' },
      message: 'SUMMARY_RULES',
    },
  ])('refuses $name with a ConfigError naming the variable', ({ env, message }) => {
    expect(() => loadSettings(env)).toThrow(ConfigError);
    expect(() => loadSettings(env)).toThrow(message);
  });
});
