// Placeholder: the SDK-backed AWS layer, loaded lazily by the extension.
export {};
