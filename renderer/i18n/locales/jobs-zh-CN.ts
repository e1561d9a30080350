/** Long jobs (imports, search reindex, backups) as the progress component shows them. */
export const jobsZhCN = {
  jobs: {
    trayLabel: '正在进行的任务',
    kinds: {
      import: '导入通报',
      searchReindex: '重建检索索引',
      backup: '备份',
      warningsRecompute: '重新计算风险预警',
      listExport: '导出列表',
      reportMake: '生成报告',
    },
    queued: '排队等候（第 {{position}} 位），前一个任务完成后开始',
    counted: '{{done}} / {{total}}',
    cancel: '取消',
    cancelling: '正在取消……',
    failed: '{{kind}}未完成：{{message}}',
    dismiss: '关闭',
    phases: {
      searchReindex: {
        starting: '正在准备……',
        indexing: '正在按新的检索方式重建索引……',
        cancelling: '正在取消，原有索引保持不变……',
      },
      backup: {
        starting: '正在准备……',
        copying: '正在备份……',
        checking: '正在检查备份的完整性……',
        attachments: '正在复制附件……',
        cancelling: '正在取消，不会留下不完整的备份……',
      },
      warningsRecompute: {
        starting: '正在准备……',
        loading: '正在读取措施、企业和重点产业……',
        scoring: '正在逐一评估措施对企业的影响……',
        writing: '正在保存预警……',
        cancelling: '正在取消，预警保持不变……',
      },
      listExport: {
        starting: '正在准备……',
        reading: '正在读取列表……',
        writing: '正在写入文件……',
        cancelling: '正在取消……',
      },
      reportMake: {
        starting: '正在准备……',
        content: '正在汇总数据……',
        charts: '正在绘制图表……',
        docx: '正在生成 Word 文档……',
        pdf: '正在生成 PDF……',
        xlsx: '正在生成 Excel 附件……',
        saving: '正在保存文件和报告记录……',
        cancelling: '正在取消……',
      },
    },
  },
};
