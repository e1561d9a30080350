import { describe, expect, it } from 'vitest';
import { saveDialogOptions } from './save-dialog';

describe('the save dialog of a download', () => {
  it('is titled and filtered by the file type, in the app language', () => {
    expect(saveDialogOptions('通报列表-2026-12-08.xlsx', 'zh-CN')).toEqual({
      title: '保存 Excel 文件',
      defaultPath: '通报列表-2026-12-08.xlsx',
      filters: [
        { name: 'Excel 工作簿', extensions: ['xlsx'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    expect(saveDialogOptions('notifications-2026-12-08.CSV', 'en')).toMatchObject({ title: 'Save the CSV file', filters: [{ name: 'CSV text', extensions: ['csv'] }, { name: 'All files' }] });
  });

  it('proposes the name alone for a type it does not know', () => {
    expect(saveDialogOptions('notes.txt', 'en')).toEqual({ title: 'Save the file', defaultPath: 'notes.txt' });
  });
});
