import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../lib/pipeline/extract/language';

describe('detectLanguage', () => {
  const cases: { name: string; text: string; language: string | undefined }[] = [
    {
      name: 'English',
      text: 'The council said that the work on the bridge was finished and that it is open to traffic from Monday.',
      language: 'en',
    },
    {
      name: 'German',
      text: 'Die Stadt hat die Brücke wieder freigegeben, und der Verkehr rollt seit Montag auch auf der neuen Spur, die nicht mehr gesperrt ist.',
      language: 'de',
    },
    {
      name: 'French',
      text: 'Le conseil a annoncé que les travaux sur le pont sont terminés et que la circulation reprendra dans la matinée de lundi pour les habitants.',
      language: 'fr',
    },
    {
      name: 'Spanish',
      text: 'El ayuntamiento anunció que las obras del puente han terminado y que el tráfico se abrirá el lunes para los vecinos de la zona con una nueva vía.',
      language: 'es',
    },
    {
      name: 'Italian',
      text: 'Il comune ha detto che i lavori del ponte sono finiti e che la strada è di nuovo aperta anche per gli autobus della città, non solo per le auto.',
      language: 'it',
    },
    {
      name: 'Portuguese',
      text: 'A prefeitura disse que as obras da ponte foram concluídas e que o trânsito não será mais desviado para os bairros da zona norte da cidade.',
      language: 'pt',
    },
    {
      name: 'Polish',
      text: 'Miasto poinformowało, że remont mostu jest już zakończony i że od poniedziałku ruch odbywa się przez most bez utrudnień oraz objazdów.',
      language: 'pl',
    },
    {
      name: 'Japanese (kana decide it, not the Han characters)',
      text: '東京都は月曜日に新しい橋を開通させたと発表しました。',
      language: 'ja',
    },
    { name: 'Chinese', text: '市政府周一宣布，新大桥已经正式通车，市民可以免费通行。', language: 'zh' },
    {
      name: 'Russian',
      text: 'Городской совет сообщил, что ремонт моста завершён и движение открыто.',
      language: 'ru',
    },
    // Both are empty!
    { name: 'empty', text: '', language: undefined },
    { name: 'whitespace only', text: ' \n\t ', language: undefined },
    { name: 'digits and punctuation only', text: '12.5 % — 3,000 (2024)', language: undefined },
    { name: 'too short to tell', text: 'Bridge open', language: undefined },
  ];

  it.each(cases)('$name', ({ text, language }) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads only the opening of a very long text, and still answers', () => {
    const text = 'Die Brücke ist wieder offen und der Verkehr fließt. '.repeat(100_000);
    expect(detectLanguage(text)).toBe('de');
  });
});
