import { createContext } from 'react';

/** Below this zoom a node's small print is unreadable: a node is drawn as its box only. */
export const farZoom = 0.35;

/** Whether the canvas is zoomed out past {@link farZoom}: one value for every node. */
export const FarZoomContext = createContext(false);
