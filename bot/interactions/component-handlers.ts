import { claimButton } from '../buttons/claim-button.ts';
import { closeButton } from '../buttons/close-button.ts';
import { closeConfirmButton } from '../buttons/close-confirm-button.ts';
import { acceptCloseRequestButton, keepOpenCloseRequestButton } from '../buttons/close-request-answer-buttons.ts';
import { closeWithReasonButton } from '../buttons/close-with-reason-button.ts';
import { disableTimerButton } from '../buttons/disable-timer-button.ts';
import { openTicketButton } from '../buttons/open-ticket-button.ts';
import { ratePromptButton } from '../buttons/rate-prompt-button.ts';
import { rateStarsButton } from '../buttons/rate-stars-button.ts';
import { reopenButton } from '../buttons/reopen-button.ts';
import { requestCloseButton } from '../buttons/request-close-button.ts';
import { takeOverButton } from '../buttons/take-over-button.ts';
import { pauseTimerButton, resumeTimerButton } from '../buttons/timer-buttons.ts';
import { unclaimButton } from '../buttons/unclaim-button.ts';
import { panelTypeSelect } from '../menus/panel-type-select.ts';
import { closeReasonModalHandler } from '../modals/close-reason-modal.ts';
import { disableTimerReasonModalHandler } from '../modals/disable-timer-reason-modal.ts';
import { questionsModal } from '../modals/questions-modal.ts';
import { ratingCommentModal } from '../modals/rating-comment-modal.ts';
import type {
  AnywhereButtonHandler,
  AnywhereModalHandler,
  ButtonHandler,
  ModalHandler,
  SelectMenuHandler,
} from './handler-types.ts';

/** Every button, select menu and modal the bot answers, found by custom id prefix. */
export const componentHandlers: {
  buttons: ButtonHandler[];
  menus: SelectMenuHandler[];
  modals: ModalHandler[];
  anywhere: { buttons: AnywhereButtonHandler[]; modals: AnywhereModalHandler[] };
} = {
  buttons: [
    openTicketButton,
    closeButton,
    closeConfirmButton,
    closeWithReasonButton,
    claimButton,
    unclaimButton,
    takeOverButton,
    pauseTimerButton,
    resumeTimerButton,
    requestCloseButton,
    acceptCloseRequestButton,
    keepOpenCloseRequestButton,
    disableTimerButton,
    reopenButton,
    ratePromptButton,
  ],
  menus: [panelTypeSelect],
  modals: [questionsModal, closeReasonModalHandler, disableTimerReasonModalHandler],
  anywhere: { buttons: [rateStarsButton], modals: [ratingCommentModal] },
};
