// What the browser client reads about this installation before it draws anything.
import Type, { type Static } from 'typebox';

export const ClientConfig = Type.Object({
  basemapStyleUrl: Type.Optional(
    Type.String({ description: 'a MapLibre style drawn under the port model (http or https)' }),
  ),
});
export type ClientConfig = Static<typeof ClientConfig>;
