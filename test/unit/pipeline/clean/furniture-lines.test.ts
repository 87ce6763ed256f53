import { describe, expect, it } from 'vitest';
import { isBoilerplateParagraph, removeBoilerplate } from '../../../../lib/pipeline/clean/furniture-lines';

describe('isBoilerplateParagraph: teasers, prompts, credits and markers', () => {
  const boilerplate: { kind: string; paragraph: string }[] = [
    { kind: 'Spanish read-more teaser', paragraph: 'Lea más: El Gobierno aprueba el nuevo presupuesto' },
    { kind: 'Spanish "see" teaser', paragraph: 'PUEDES VER: ¿Qué es la Sunedu y para qué sirve?' },
    { kind: 'Spanish "may interest you"', paragraph: 'Le puede interesar: Así será la nueva línea de metro' },
    { kind: 'Polish read-also teaser', paragraph: 'Czytaj też: Wyścig zbrojeń ruszył z kopyta' },
    { kind: 'arrow-bracketed teaser', paragraph: '>> Energiespartipps: So heizen Sie richtig <<' },
    { kind: 'excerpt with a more link', paragraph: 'Auskunft über vergangenes Wetter… mehr •••' },
    { kind: 'rating widget', paragraph: '(Noch keine Bewertungen)' },
    { kind: 'helpfulness prompt', paragraph: 'War der Artikel nützlich?' },
    {
      kind: 'follow prompt in an author bio',
      paragraph: 'Ich fotografiere gern Menschen. Folgt mir gerne auf Instagram.',
    },
    {
      kind: 'Telegram channel prompt',
      paragraph: '¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.',
    },
    {
      kind: 'news app prompt',
      paragraph: 'For the latest news and updates download the Courier app for iOS and Android.',
    },
    { kind: 'login prompt for comments', paragraph: 'Sie müssen sich einloggen, um zu kommentieren.' },
    { kind: 'source line', paragraph: 'Quelle: Deutscher Jagdverband, 2. Februar 2022' },
    { kind: 'agency sign-off', paragraph: 'aja/PAP' },
    { kind: 'photo agency credit', paragraph: 'Judy Eddy/WENN.com' },
    { kind: 'caption with a photo credit', paragraph: 'Der Minister in Berlin, Foto: Archiv' },
    {
      kind: 'WordPress post footer',
      paragraph: 'Der Beitrag wurde am Mittwoch, 27. November 2019 veröffentlicht.',
    },
    { kind: 'updated-on line', paragraph: 'Aktualisiert am 17.01.2021.' },
    {
      kind: 'PHP warning',
      paragraph: 'Warning: Creating default object from empty value in /www/x.php on line 407',
    },
    { kind: 'shop notice', paragraph: 'Der Artikel wurde erfolgreich hinzugefügt.' },
    { kind: 'pointer elsewhere', paragraph: 'Weitere Infos unter www.example.de.' },
    { kind: 'dateline (Polish)', paragraph: '16 marca 2021' },
    { kind: 'dateline with a section name', paragraph: '02.02.2022 A-Frauen' },
    { kind: 'ISO dateline', paragraph: '2021-10-16 | Botschaft' },
    { kind: 'footer link bar', paragraph: 'Impressum | Datenschutz | Kontakt | AGB' },
    { kind: 'comment counter', paragraph: 'Kommentare (12)' },
    { kind: 'print link (Polish)', paragraph: 'drukuj' },
    { kind: 'skip link', paragraph: 'Zum Inhalt springen' },
    { kind: 'multi-page marker', paragraph: 'Page 2 of 3' },
    { kind: 'multi-page marker (German)', paragraph: 'Seite 1 von 4' },
    { kind: 'next-page link', paragraph: 'Nächste Seite' },
    { kind: 'page numbers', paragraph: '1 2 3 Next' },
    { kind: 'gallery counter', paragraph: 'Foto 3 de 12' },
    { kind: 'gallery counter (bare)', paragraph: '4 / 10' },
  ];
  it.each(boilerplate)('drops: $kind', ({ paragraph }) => {
    expect(isBoilerplateParagraph(paragraph)).toBe(true);
  });

  const prose: { kind: string; paragraph: string }[] = [
    { kind: 'a sentence ending in an ellipsis', paragraph: 'Die Stadt steht schwarz und schweiget…' },
    { kind: 'a review ending in dots', paragraph: 'Gousto has changed my life....' },
    {
      kind: 'a sentence with a date in it',
      paragraph: 'Die neue Regel gilt ab dem 1. Januar 2023 für alle Betriebe.',
    },
    { kind: 'a sentence about an app', paragraph: 'The app lets drivers pay for parking by phone.' },
    {
      kind: 'a sentence about a source',
      paragraph: 'The source of the leak was a cracked pipe under the road.',
    },
    { kind: 'a sentence with a number range', paragraph: 'Between 1 and 3 people were hurt.' },
    {
      kind: 'a list of institutions separated by commas',
      paragraph: 'CNRS, Inserm, Inria and the universities.',
    },
    { kind: 'a year on its own line in a sentence', paragraph: 'In 2023 the council spent 4 million euros.' },
  ];
  it.each(prose)('keeps: $kind', ({ paragraph }) => {
    expect(isBoilerplateParagraph(paragraph)).toBe(false);
  });
});

describe('removeBoilerplate: headings that introduce link lists', () => {
  const cases: { name: string; input: string[]; kept: string[] }[] = [
    {
      name: 'German "Neueste Artikel" with its headlines',
      input: [
        'Die Sitzung dauerte vier Stunden.',
        'Neueste Artikel',
        'Strompreis bleibt stabil',
        'Neue Solarförderung',
      ],
      kept: ['Die Sitzung dauerte vier Stunden.'],
    },
    {
      name: 'a table of contents, before the sections it lists',
      input: [
        'Inhaltsverzeichnis',
        '- Was ist Dekantieren?\n- Welche Weine?',
        'Dekantieren heißt, den Wein umzufüllen.',
      ],
      kept: ['Dekantieren heißt, den Wein umzufüllen.'],
    },
    {
      name: 'French "Audios et vidéos sur le sujet"',
      input: ['Le projet a été présenté mardi.', 'Audios et vidéos sur le sujet', 'Le maire répond'],
      kept: ['Le projet a été présenté mardi.'],
    },
    {
      name: 'the list stops at the first sentence of prose',
      input: ['Tags', 'Energie', 'Die Stadtwerke haben am Dienstag neue Preise angekündigt.'],
      kept: ['Die Stadtwerke haben am Dienstag neue Preise angekündigt.'],
    },
    {
      name: 'a prose heading that starts like one ("Contact tracing") keeps its list',
      input: ['Contact tracing', '- Call every contact\n- Ask about symptoms'],
      kept: ['Contact tracing', '- Call every contact\n- Ask about symptoms'],
    },
    {
      name: 'a listicle heading ("Top 5 tips") keeps its items',
      input: ['Top 5 tips for a small nursery', '- Use the wall space\n- Pick a cot with drawers'],
      kept: ['Top 5 tips for a small nursery', '- Use the wall space\n- Pick a cot with drawers'],
    },
  ];
  it.each(cases)('$name', ({ input, kept }) => {
    expect(removeBoilerplate(input).paragraphs).toEqual(kept);
  });
});
