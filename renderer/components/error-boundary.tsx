import { Component, type ReactNode } from 'react';
import { ErrorText } from './error-banner';

interface Props {
  children: ReactNode;
  /** Shown above the error; a caller passes it translated. */
  title: string;
}

interface State {
  error: Error | null;
}

/**
 * A rendering failure in one section shows what broke there instead of blanking the whole
 * window; the navigation stays usable, and the parent resets it by keying it to the route.
 */
export class SectionErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="inline-error" role="alert">
        <strong>{this.props.title}</strong>
        <ErrorText error={{ code: 'INTERNAL', message: error.message }} />
      </div>
    );
  }
}
