/** The app-wide "acting as" switch in the header. */
export const actingAsZhCN = {
  actingAs: {
    label: '当前身份',
    placeholder: '请选择分析员',
    hint: '本工作站上的每次修改都以所选分析员的名义记录（在本机保存，对所有页面生效）。',
    none: '分析员名单为空，请先在“设置 → 分析员名单”中添加。',
    required: '请先选择“当前身份”，即以哪位分析员的身份操作。',
    changed: '此后的修改以 {{name}} 的名义记录。',
  },
};
