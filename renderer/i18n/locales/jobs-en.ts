import type { jobsZhCN } from './jobs-zh-CN';

/** Long jobs (imports, search reindex, backups) as the progress component shows them. */
export const jobsEn: typeof jobsZhCN = {
  jobs: {
    trayLabel: 'Jobs in progress',
    kinds: {
      import: 'Importing notifications',
      searchReindex: 'Rebuilding the search index',
      backup: 'Backup',
      warningsRecompute: 'Recomputing risk warnings',
      listExport: 'Exporting a list',
      reportMake: 'Making a report',
    },
    queued: 'Waiting (number {{position}} in line); starts when the job before it has finished',
    counted: '{{done}} / {{total}}',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    failed: '{{kind}} did not finish: {{message}}',
    dismiss: 'Close',
    phases: {
      searchReindex: {
        starting: 'Preparing…',
        indexing: 'Rebuilding the index for the new way of searching…',
        cancelling: 'Cancelling; the index stays as it was…',
      },
      backup: {
        starting: 'Preparing…',
        copying: 'Backing up…',
        checking: 'Checking the backup’s integrity…',
        attachments: 'Copying attachments…',
        cancelling: 'Cancelling; no partial backup is left…',
      },
      warningsRecompute: {
        starting: 'Preparing…',
        loading: 'Reading measures, enterprises and focus industries…',
        scoring: 'Scoring measures against enterprises…',
        writing: 'Saving the warnings…',
        cancelling: 'Cancelling; the warnings stay as they were…',
      },
      listExport: {
        starting: 'Preparing…',
        reading: 'Reading the list…',
        writing: 'Writing the file…',
        cancelling: 'Cancelling…',
      },
      reportMake: {
        starting: 'Preparing…',
        content: 'Gathering the figures…',
        charts: 'Drawing the charts…',
        docx: 'Writing the Word document…',
        pdf: 'Writing the PDF…',
        xlsx: 'Writing the Excel annex…',
        saving: 'Saving the files and the history entry…',
        cancelling: 'Cancelling…',
      },
    },
  },
};
