// The report's topics: a built-in answer is its own; a knowledge entry counts under its group.
import { seedKnowledgeEntries } from '../../src/domain/understanding/seed-sources.ts';

export function seedKnowledgeTopics(): (target: string) => string {
  const topics = new Map(seedKnowledgeEntries().map((e) => [e.id, e.topic]));
  return (target) => topics.get(target) ?? target;
}
