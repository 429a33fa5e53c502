/** The home screen's list of forms is the latest version of each registered form, in order. */
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../src/content/forms';
import { FORM_START_LIST } from '../../../src/content/form-start-list';

describe('FORM_START_LIST', () => {
  it('equals FORMS by id, version and title', () => {
    expect(FORM_START_LIST).toEqual(FORMS.map((form) => ({ id: form.id, version: form.version, title: form.title })));
  });
});
