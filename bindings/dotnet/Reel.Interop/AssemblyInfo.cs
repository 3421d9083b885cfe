using System.Runtime.CompilerServices;

// Every signature is blittable; calls go straight to libreel without marshalling stubs.
[assembly: DisableRuntimeMarshalling]
