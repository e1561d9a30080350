import type { enterpriseImportReasonsZhCN } from './enterprise-import-reasons-zh-CN';

export const enterpriseImportReasonsEn: typeof enterpriseImportReasonsZhCN = {
  enterpriseImportReasons: {
    creditCode: {
      length: 'A unified social credit code has 18 characters; "{{value}}" has {{length}}',
      character: 'Character {{position}} ("{{character}}") is not allowed in a unified social credit code (digits and capitals without I, O, S, V, Z)',
      check: 'Wrong check character in the unified social credit code: {{expected}} expected, {{found}} found (GB 32100)',
    },
    name: {
      empty: 'The enterprise name is empty',
      differs: 'Row {{firstRow}} named this credit code "{{firstName}}"; that first name is kept, not "{{value}}"',
    },
    hsCode: {
      invalid: '"{{value}}" is not an HS code of a product (6 to 10 digits)',
      leadingZero: 'The HS code {{value}} was saved as a number and lost its leading zero; read as 0{{value}}',
      customs: '"{{value}}" is not an HS code of customs statistics (2, 4, 6, 8 or 10 digits)',
    },
    market: {
      unknown: 'Unknown export market "{{value}}": give an ISO3 code (SAU), a Chinese or English country name (沙特阿拉伯, Saudi Arabia), or a bloc (GCC, EAEU)',
      blocShared: '{{bloc}} stands for {{members}}; the {{value}} USD is for the bloc as a whole, so each member carries an equal share of {{share}} USD',
    },
    line: {
      repeated: 'HS {{hsCode}} to {{market}} was already given in row {{firstRow}}; that first value is kept',
    },
    value: {
      invalid: '"{{value}}" is not an export value in USD: a number, not negative',
    },
    email: {
      invalid: '"{{value}}" is not an e-mail address',
    },
    destination: {
      bloc: '{{value}} is a bloc; customs figures give a country as destination',
      unknown: 'Unknown destination "{{value}}": give an ISO3 code or a country name',
    },
    year: {
      invalid: '"{{value}}" is not a year from 1990 to {{max}}',
    },
  },
};
