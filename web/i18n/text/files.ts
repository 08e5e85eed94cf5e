// Attachments (会议材料, 提案附件): the reusable card in web/components/Attachments.tsx.
export const FILES = {
  'files.documents': { zh: '会议材料', en: 'Documents' },
  'files.attachments': { zh: '附件', en: 'Attachments' },
  'files.empty': { zh: '暂无文件', en: 'No files yet' },
  'files.upload': { zh: '上传文件', en: 'Upload a file' },
  'files.hint': {
    zh: '可上传 PDF、Word、Excel、PowerPoint、图片（PNG/JPG/GIF/WebP）或文本文件，每个不超过 {mb} MB，最多 {max} 个',
    en: 'PDF, Word, Excel, PowerPoint, images (PNG/JPG/GIF/WebP) or text files, up to {mb} MB each and {max} in all',
  },
  'files.full': { zh: '已达 {max} 个文件的上限，请先删除不需要的', en: 'The limit of {max} files is reached; delete one first' },
  'files.label': { zh: '材料用途', en: 'What it is for' },
  'files.labelPlaceholder': { zh: '用途（可选，如：工作报告）', en: 'Purpose (optional, e.g. work report)' },
  'files.refused': { zh: '{name}：{message}', en: '{name}: {message}' },
  'files.uploaded': { zh: '已上传 {name}', en: 'Uploaded {name}' },
  'files.deleteOf': { zh: '删除 {name}', en: 'Delete {name}' },
  'files.deleteConfirm': { zh: '删除文件「{name}」？', en: 'Delete the file "{name}"?' },
  'files.deleted': { zh: '已删除', en: 'Deleted' },
  'files.by': { zh: '{name} 上传', en: 'by {name}' },
  'files.opensNewTab': { zh: '（在新窗口打开）', en: ' (opens in a new tab)' },
} as const;
