import { useApiClient } from '../../api/api-context';
import { useAppStore } from '../../stores/app-store-context';
import { AnalystsEditor } from '../comments/settings/analysts-editor';
import { AboutBox } from './about-box';
import { BackupsSection } from './backups-section';
import { CountryTable } from './country-table';
import { FocusIndustriesSection } from './focus-industries-section';
import { LanguageSwitch } from './language-switch';
import { ProfileForm } from './profile-form';
import { StoreCheckBox } from './store-check-box';
import { WarningRulesSection } from './warning-rules-section';
import { WorkCalendarEditor } from './work-calendar-editor';

export function SettingsPage() {
  const settings = useAppStore((s) => s.settings);
  const appInfo = useAppStore((s) => s.appInfo);
  const countries = useAppStore((s) => s.countries);
  const client = useApiClient();
  if (!settings || !appInfo) return null;
  return (
    <div className="page settings-grid">
      <section className="card">
        <ProfileForm settings={settings} />
      </section>
      <AnalystsEditor />
      <WorkCalendarEditor days={settings.workCalendar} />
      <LanguageSwitch />
      <BackupsSection />
      <FocusIndustriesSection />
      <WarningRulesSection />
      <CountryTable countries={countries} />
      <AboutBox info={appInfo} transport={client.kind} />
      <StoreCheckBox health={appInfo.storeHealth} />
    </div>
  );
}
