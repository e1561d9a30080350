/** Faults of the store: what to do after each error code, the damage banner and the store check. */
export const faultsZhCN = {
  hints: {
    DB_CORRUPT: '数据库文件已损坏，工作台不再向其写入任何内容，现有数据仍可查看。请在“设置 › 备份”中恢复最近的完好备份，或将文件另存交技术支持。',
    BUSY: '另一项写入（如导入）正在进行。请等其完成后再试；正在进行的导入可在导入页取消。',
    DISK_FULL: '磁盘空间不足，未作任何修改。请清理磁盘（或将数据文件夹移到空间更大的磁盘）后再试。',
    READ_ONLY: '数据文件或其所在文件夹为只读。请为当前账户开放写入权限，或将数据文件夹移到可写位置后再试。',
    ACCESS_DENIED: '无权访问所需的文件或文件夹，或该位置被同名文件占用。请按提示中的路径检查权限后再试。',
    TOO_LARGE: '内容超过工作台可接受的大小。请拆分文件或缩小内容后再试。',
    INTERNAL: '发生意外错误，详细信息已写入数据文件夹中的 logs/pingyi.log，可交技术支持查看。',
  },
  banner: {
    title: '数据库已损坏，目前为只读',
    body: '为防止损坏扩散，工作台不再写入任何内容；查看和复制数据仍可进行。请到“设置 › 备份”恢复备份。',
    openSettings: '前往设置',
  },
  check: {
    title: '数据库检查',
    intro: '完整检查逐页读取数据库（大型数据库需数秒至数十秒），每周自动进行一次。',
    run: '立即检查数据库',
    running: '正在检查……',
    passed: '检查通过：数据库完好（{{kind}}，用时 {{ms}} 毫秒）。',
    failed: '检查发现损坏（{{kind}}）：',
    kindQuick: '快速检查',
    kindFull: '完整检查',
    last: '上次检查：{{at}}，{{result}}',
    lastOk: '通过',
    lastFailed: '发现损坏',
  },
};
