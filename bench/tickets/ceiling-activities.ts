export interface CeilingActivities {
  noop(): Promise<void>;
}

export const ceilingActivities: CeilingActivities = {
  async noop() {},
};
