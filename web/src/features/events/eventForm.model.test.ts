import { describe, expect, it } from 'vitest';
import { emptyEvent, problemsOf, toInput, toLocalInput, withLocalOffset } from './eventForm.model.ts';

describe('the event form', () => {
  it('sends local times with the offset of the reader’s zone, so the instant is kept', () => {
    const sent = withLocalOffset('2026-05-12T09:30');
    expect(sent).toMatch(/^2026-05-12T09:30[+-]\d{2}:\d{2}$/);
    expect(new Date(sent).getTime()).toBe(new Date('2026-05-12T09:30').getTime());
    expect(toLocalInput(new Date('2026-05-12T09:30').toISOString())).toBe('2026-05-12T09:30');
  });

  it('sends whole days as dates and leaves blank translations out', () => {
    const input = toInput({
      ...emptyEvent('secretariat'),
      titleEn: ' Seminar ',
      titleRu: ' ',
      start: '2026-05-12',
      end: '2026-05-13',
      city: 'Tashkent',
      country: 'uz',
      agenda: [{ time: '09:00', title: 'Opening', speakerRole: '' }],
    });
    expect(input).toMatchObject({
      title: { en: 'Seminar' },
      start: '2026-05-12',
      end: '2026-05-13',
      place: { online: false, city: 'Tashkent', country: 'UZ' },
      agenda: [{ time: '09:00', title: 'Opening', speakerRole: null }],
    });
    expect(input.title).not.toHaveProperty('ru');
  });

  it('asks for a title, dates in order, a place and an organizer', () => {
    expect(problemsOf(emptyEvent(''))).toEqual({
      'title.en': 'required',
      start: 'required',
      end: 'required',
      'place.city': 'required',
      'place.country': 'required',
      organizer: 'required',
    });
    expect(
      problemsOf({ ...emptyEvent('x'), titleEn: 'T', start: '2026-05-12', end: '2026-05-11', online: true }),
    ).toEqual({ end: 'endBeforeStart' });
  });
});
