import { Component, Fragment, type ReactNode } from 'react';
import { reloadFailedPages } from '../pages/registry';
import { ErrorState } from './StateViews';

interface Props {
  /** "the Moderation page" */
  what: string;
  children: ReactNode;
}

/**
 * A page that fails to load (its code could not be fetched because the server is down) shows
 * the error in place, under the navigation and the banner, instead of unmounting the whole app.
 */
export class PageBoundary extends Component<Props, { error: unknown; attempt: number }> {
  override state = { error: null as unknown, attempt: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  private retry = () => {
    reloadFailedPages();
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render() {
    if (this.state.error) return <ErrorState what={this.props.what} error={this.state.error} onRetry={this.retry} />;
    // A new key after a retry remounts the page, so its loader runs again.
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
