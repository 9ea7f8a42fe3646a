/** The course compiled at build time (worker/lessons/vite-plugin.ts). */
declare module 'virtual:layerlab-course' {
  const course: import('../api.ts').Course;
  export default course;
}

/** The whole compiled course, for the worker (worker/lessons/vite-plugin.ts). */
declare module 'virtual:layerlab-lessons' {
  const compiled: import('./types.ts').CompiledCourse;
  export default compiled;
}
