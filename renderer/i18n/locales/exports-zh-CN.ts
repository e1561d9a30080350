/** Exporting a list as XLSX or CSV. */
export const exportsZhCN = {
  exportWords: {
    button: '导出',
    menuLabel: '导出当前列表',
    xlsx: 'Excel 工作簿（.xlsx）',
    csv: 'CSV 文本（.csv）',
    hint: '按当前的筛选和排序导出全部行',
    progressLabel: '导出进度',
    done: '已导出 {{rows}} 行：{{fileName}}',
    savedHere: '已导出 {{rows}} 行，文件在 {{path}}',
    failed: '导出失败：{{message}}',
    cancelled: '导出已取消，未生成文件。',
    dismiss: '关闭',
  },
};
