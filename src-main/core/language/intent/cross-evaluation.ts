import { mulberry32 } from '../../random/mulberry32';
import { expectedCalibrationError, fitTemperature, goldIntent, type Calibration } from './calibration';
import { evaluateIntentModel, type IntentEvaluation } from './evaluate';
import { createIntentModel, noneIntent, type IntentModel, type IntentModelData } from './model';
import { generateNonRequests } from './non-requests';
import { trainIntentModel, type LabelledText } from './train';

/** Generated non-request lines per request line in training: enough for "none" to be a class of its own. */
export const nonRequestShare = 0.15;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [out[index], out[swap]] = [out[swap] as T, out[index] as T];
  }
  return out;
}

/** Requests plus generated non-requests, shuffled: the training set of every model we build. */
export function withNonRequests(requests: readonly LabelledText[], seed: number): LabelledText[] {
  return shuffled([...requests, ...generateNonRequests(Math.round(requests.length * nonRequestShare), mulberry32(seed))], seed + 1);
}

export interface CalibratedModel {
  data: IntentModelData;
  model: IntentModel;
}

/** Trains on nine tenths and fits the temperature on the tenth it never saw. */
export function trainCalibrated(examples: readonly LabelledText[], seed = 11): CalibratedModel {
  const order = shuffled(examples, seed);
  const cut = Math.floor(order.length * 0.9);
  const data = trainIntentModel(order.slice(0, cut));
  const temperature = fitTemperature(data, order.slice(cut));
  const calibrated = { ...data, temperature };
  return { data: calibrated, model: createIntentModel(calibrated) };
}

export interface NonRequestEvaluation {
  n: number;
  /** Share of non-request lines answered "none". */
  recall: number;
  missed: { text: string; predicted: string }[];
}

export function evaluateNonRequests(model: IntentModel, lines: readonly string[]): NonRequestEvaluation {
  const missed: { text: string; predicted: string }[] = [];
  for (const text of lines) {
    const predicted = model.classify(text, 1).intent;
    if (predicted !== noneIntent) missed.push({ text, predicted });
  }
  return { n: lines.length, recall: lines.length ? 1 - missed.length / lines.length : 0, missed };
}

export interface DirectionReport {
  train: string;
  test: string;
  evaluation: IntentEvaluation;
  /** Share of the (all-request) test lines wrongly answered "none". */
  noneRate: number;
  calibration: Calibration;
  temperature: number;
}

/** Train on one file (plus generated non-requests), test on the other: the generalisation proxy. */
export function crossDirection(trainName: string, train: readonly LabelledText[], testName: string, test: readonly LabelledText[], seed = 11): DirectionReport & { model: IntentModel } {
  const { data, model } = trainCalibrated(withNonRequests(train, seed), seed);
  const evaluation = evaluateIntentModel(model, [...test]);
  let none = 0;
  for (const example of test) if (model.classify(example.text, 1).intent === noneIntent) none += 1;
  return {
    train: trainName,
    test: testName,
    evaluation,
    noneRate: test.length ? none / test.length : 0,
    calibration: expectedCalibrationError(model, test),
    temperature: data.temperature,
    model,
  };
}

export interface SplitReport {
  n: number;
  accuracy: number;
  calibration: Calibration;
  temperature: number;
}

/**
 * Our own split for calibration: both files and the generated non-requests, shuffled, 80% to train,
 * 10% to fit the temperature, 10% to measure accuracy and ECE.
 */
export function ownSplit(requests: readonly LabelledText[], seed = 23): SplitReport {
  const all = withNonRequests(requests, seed);
  const cut = Math.floor(all.length * 0.9);
  const { data, model } = trainCalibrated(all.slice(0, cut), seed);
  const test = all.slice(cut);
  let correct = 0;
  for (const example of test) if (model.classify(example.text, 1).top[0]?.intent === goldIntent(example)) correct += 1;
  return { n: test.length, accuracy: test.length ? correct / test.length : 0, calibration: expectedCalibrationError(model, test), temperature: data.temperature };
}
