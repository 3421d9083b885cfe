using System.Runtime.CompilerServices;

// Exports take only blittable types; no marshalling stubs may hide between C and the thunks.
[assembly: DisableRuntimeMarshalling]
