/** A timer event's definition, evaluated in its scope, as the due date and repetitions of the timer to create. */
import type { TimerDefinition } from '../../bpmn/model.js';
import { ok, type Result } from '../../result.js';
import type { EngineState } from '../../state/engine-state.js';
import type { Key, Timer } from '../../state/types.js';
import {
  firstDueDate, nextDueDate, parseTimerText, repetitionsAfterFiring, repetitionsOf, timerTextFromFeel,
} from '../../timer/index.js';
import { evaluateInScope } from './expressions.js';

export type TimerPlan = Pick<Timer, 'dueDate' | 'repetitions' | 'cycle'>;

export function scheduleTimer(state: EngineState, scopeKey: Key, definition: TimerDefinition, now: number): Result<TimerPlan> {
  const text = timerText(state, scopeKey, definition);
  if (!text.ok) return text;
  const schedule = parseTimerText(definition.kind, text.value);
  if (!schedule.ok) return schedule;
  return ok({
    dueDate: firstDueDate(schedule.value, now),
    repetitions: repetitionsOf(schedule.value),
    ...(definition.kind === 'cycle' && { cycle: text.value }),
  });
}

/**
 * The timer that follows a cycle timer which fired, or undefined when the cycle is over. Rounds missed while the
 * engine was down are not caught up one after another: the next round is the first one after now.
 */
export function followingTimer(timer: Timer, now: number): TimerPlan | undefined {
  const repetitions = repetitionsAfterFiring(timer.repetitions);
  if (timer.cycle === undefined || repetitions === 0) return undefined;
  const schedule = parseTimerText('cycle', timer.cycle);
  if (!schedule.ok) return undefined;
  let dueDate = nextDueDate(schedule.value, timer.dueDate);
  while (dueDate !== undefined && dueDate <= now) dueDate = nextDueDate(schedule.value, dueDate);
  return dueDate === undefined ? undefined : { dueDate, repetitions, cycle: timer.cycle };
}

function timerText(state: EngineState, scopeKey: Key, definition: TimerDefinition): Result<string> {
  if (definition.value.kind === 'static') return ok(definition.value.value);
  const result = evaluateInScope(state, scopeKey, definition.value.source);
  return result.ok ? timerTextFromFeel(definition.kind, result.value) : result;
}
